package org.claimscrubber.decision;

/** ACCEPTED: no DENY or REVIEW finding. FLAGGED: at least one. VOIDED: a VOID that removed an accepted claim. */
public enum Disposition {
    ACCEPTED, FLAGGED, VOIDED
}
