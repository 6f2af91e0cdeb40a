package org.claimscrubber.claim;

/** CLM05-3 claim frequency: 1 original, 7 replacement, 8 void. */
public enum Frequency {
    ORIGINAL, REPLACEMENT, VOID
}
