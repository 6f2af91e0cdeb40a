package org.claimscrubber.decision;

import java.util.List;

/**
 * One reason a biller can act on.
 *
 * @param lineNumbers the lines the edit denies or questions (empty for a claim-level edit)
 * @param relatedLineNumbers the lines on the same claim that caused it
 * @param relatedClaimIds earlier accepted claims that caused it
 * @param carc the claim adjustment reason code, such as {@code CO-236}, or null
 */
public record Finding(String edit, Severity severity, List<Integer> lineNumbers, List<Integer> relatedLineNumbers,
                      List<String> relatedClaimIds, String carc, String message, String reference) {
}
