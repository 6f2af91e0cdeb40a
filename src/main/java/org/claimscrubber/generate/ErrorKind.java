package org.claimscrubber.generate;

/** The error scenarios the generator mixes into a clean stream, each aimed at one edit or stream behaviour. */
public enum ErrorKind {
    PTP_NOT_BYPASSABLE, PTP_MODIFIER_MISSING, PTP_ACROSS_CLAIMS, MUE_LINE, MUE_DAY_LINES, MUE_DAY_CLAIMS,
    BAD_MODIFIER, DIAGNOSIS_NOT_COVERED, NOT_COVERED, SESSION_LEVELS, SESSION_REGIONS, FREQUENCY,
    DUPLICATE_CLAIM, DUPLICATE_LINE, REDELIVERY, REPLACEMENT, VOID, INVALID, UNKNOWN_CODE, TIMELY_FILING
}
