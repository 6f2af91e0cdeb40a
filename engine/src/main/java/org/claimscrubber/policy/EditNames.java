package org.claimscrubber.policy;

import java.util.Set;

/**
 * The edit identifiers of contracts §4 that a policy file may name (disabledEdits, carcs). The same names as
 * {@code edits.EditCode}, kept here so that policy does not depend on edits (edits applies the policies);
 * {@code EditNamesTest} fails when the two differ.
 */
public final class EditNames {
    public static final Set<String> ALL = Set.of(
            "INVALID_CLAIM", "TIMELY_FILING", "UNKNOWN_CODE", "NCCI_PTP", "NCCI_PTP_BYPASSED", "MUE", "MODIFIER_INVALID",
            "DIAGNOSIS_NOT_COVERED", "NOT_COVERED", "SESSION_LIMIT", "FREQUENCY_LIMIT", "DUPLICATE_CLAIM", "DUPLICATE_LINE",
            "ADD_ON_CODE", "INVALID_DIAGNOSIS", "STATUS_NOT_PAYABLE", "POS_INCONSISTENT", "ASSISTANT_NOT_ALLOWED",
            "DISCONTINUED_PROCEDURE");

    private EditNames() {
    }
}
