package org.claimscrubber.x12;

import io.xlate.edi.stream.EDIStreamValidationError;

/** StAEDI's validation errors as the codes of the acknowledgements: TA1 note codes, AK9, IK5, IK3 and IK4 codes. */
final class AckCodes {
    private AckCodes() {
    }

    /** TA105: 001 control numbers in ISA and IEA differ, 021 invalid number of included groups, 024 other. */
    static String interchangeCode(EDIStreamValidationError e) {
        return switch (e) {
            case CONTROL_REFERENCE_MISMATCH -> "001";
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "021";
            default -> "024";
        };
    }

    /** AK905: 4 group control numbers in GS and GE differ, 5 transaction set count does not match, 1 other. */
    static String groupCode(EDIStreamValidationError e) {
        return switch (e) {
            case CONTROL_REFERENCE_MISMATCH -> "4";
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "5";
            default -> "1";
        };
    }

    /** IK501/IK502: 3 control numbers in ST and SE differ, 4 segment count does not match, 5 segments in error. */
    static String transactionCode(EDIStreamValidationError e) {
        return switch (e) {
            case CONTROL_REFERENCE_MISMATCH -> "3";
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "4";
            default -> "5";
        };
    }

    /** IK304 syntax error codes. */
    static String segmentCode(EDIStreamValidationError e) {
        return switch (e) {
            case UNRECOGNIZED_SEGMENT_ID -> "1";
            case UNEXPECTED_SEGMENT -> "2";
            case MANDATORY_SEGMENT_MISSING -> "3";
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> "4";
            case SEGMENT_EXCEEDS_MAXIMUM_USE -> "5";
            case SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET -> "6";
            case SEGMENT_NOT_IN_PROPER_SEQUENCE -> "7";
            default -> "8";
        };
    }

    /** IK403 data element syntax error codes. */
    static String elementCode(EDIStreamValidationError e) {
        return switch (e) {
            case REQUIRED_DATA_ELEMENT_MISSING -> "1";
            case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING -> "2";
            case TOO_MANY_DATA_ELEMENTS -> "3";
            case DATA_ELEMENT_TOO_SHORT -> "4";
            case DATA_ELEMENT_TOO_LONG -> "5";
            case INVALID_CHARACTER_DATA -> "6";
            case INVALID_CODE_VALUE -> "7";
            case INVALID_DATE -> "8";
            case INVALID_TIME -> "9";
            case EXCLUSION_CONDITION_VIOLATED -> "10";
            case TOO_MANY_REPETITIONS -> "12";
            case TOO_MANY_COMPONENTS -> "13";
            default -> "6";
        };
    }
}
