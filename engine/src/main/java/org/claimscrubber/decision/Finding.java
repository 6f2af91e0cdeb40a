package org.claimscrubber.decision;

import java.util.List;

/**
 * One reason a biller can act on.
 *
 * @param lineNumbers the lines the edit denies or questions (empty for a claim-level edit)
 * @param relatedLineNumbers the lines on the same claim that caused it
 * @param relatedClaimIds earlier accepted claims that caused it
 * @param carc the claim adjustment reason code with its group, such as {@code CO-236} or {@code PR-50}, or null
 * @param rarc the remittance advice remark code that goes with it, such as {@code N386}, or null
 */
public record Finding(String edit, Severity severity, List<Integer> lineNumbers, List<Integer> relatedLineNumbers,
                      List<String> relatedClaimIds, String carc, String message, String reference, String rarc) {

    /** A finding without a remark code. */
    public Finding(String edit, Severity severity, List<Integer> lineNumbers, List<Integer> relatedLineNumbers,
                   List<String> relatedClaimIds, String carc, String message, String reference) {
        this(edit, severity, lineNumbers, relatedLineNumbers, relatedClaimIds, carc, message, reference, null);
    }

    /** This finding with another adjustment: group and reason code, and remark code. */
    public Finding withAdjustment(String newCarc, String newRarc) {
        return new Finding(edit, severity, lineNumbers, relatedLineNumbers, relatedClaimIds, newCarc, message, reference, newRarc);
    }
}
