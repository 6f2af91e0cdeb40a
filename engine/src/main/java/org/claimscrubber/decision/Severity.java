package org.claimscrubber.decision;

/** DENY and REVIEW flag the claim; INFO does not. */
public enum Severity {
    DENY, REVIEW, INFO
}
