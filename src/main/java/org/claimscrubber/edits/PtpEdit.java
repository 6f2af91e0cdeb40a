package org.claimscrubber.edits;

import java.util.List;
import java.util.Set;
import org.claimscrubber.history.HistoryClaim;
import org.claimscrubber.history.HistoryLine;
import org.claimscrubber.reference.Codes;
import org.claimscrubber.reference.PtpTable;

/** NCCI_PTP and NCCI_PTP_BYPASSED: column-2 lines denied against column-1 lines on this claim or in history. */
final class PtpEdit {
    /** NCCI-associated modifiers that can bypass an edit with modifier indicator 1. */
    static final Set<String> ASSOCIATED_MODIFIERS = Set.of(
            "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
            "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD", "RC", "LM", "RI",
            "24", "25", "27", "57", "58", "78", "79", "91", "59", "XE", "XP", "XS", "XU");

    private PtpEdit() {
    }

    static void check(Review review) {
        List<LineFacts> lines = review.lines;
        for (LineFacts column2 : lines) {
            if (column2.codeKey < 0) {
                continue;
            }
            for (LineFacts column1 : lines) {
                if (column1 == column2 || column1.codeKey < 0 || !column1.sameProviderAndDate(column2)) {
                    continue;
                }
                PtpTable.Edit edit = review.reference.ptpEdit(column1.codeKey, column2.codeKey, column2.date);
                if (edit != null) {
                    String bypass = bypass(edit, column1.line.modifiers(), column2.line.modifiers());
                    String where = "line " + column1.number();
                    review.add(finding(edit, column2, bypass, where, List.of(column1.number()), List.of()));
                }
            }
            for (HistoryClaim earlier : review.history.claims()) {
                for (HistoryLine h : earlier.lines()) {
                    if (!h.serviceDate().equals(column2.date) || !h.provider(review.basis).equals(column2.provider)) {
                        continue;
                    }
                    PtpTable.Edit edit = review.reference.ptpEdit(Codes.encode(h.code()), column2.codeKey, column2.date);
                    if (edit != null) {
                        String bypass = bypass(edit, h.modifiers(), column2.line.modifiers());
                        String where = "claim " + earlier.claimId() + " line " + h.lineNumber();
                        review.add(finding(edit, column2, bypass, where, List.of(), List.of(earlier.claimId())));
                    }
                }
            }
        }
    }

    /** The modifier that bypasses the edit, or null when the edit stands. */
    private static String bypass(PtpTable.Edit edit, List<String> column1Modifiers, List<String> column2Modifiers) {
        if (edit.modifierIndicator() != 1) {
            return null;
        }
        for (String m : column2Modifiers) {
            if (ASSOCIATED_MODIFIERS.contains(m)) {
                return m;
            }
        }
        for (String m : column1Modifiers) {
            if (ASSOCIATED_MODIFIERS.contains(m)) {
                return m;
            }
        }
        return null;
    }

    private static org.claimscrubber.decision.Finding finding(PtpTable.Edit edit, LineFacts column2, String bypass, String column1Where,
                                                              List<Integer> relatedLines, List<String> relatedClaims) {
        String pair = edit.column2() + " (line " + column2.number() + ") is bundled into " + edit.column1() + " (" + column1Where
                + ") on " + column2.date + " (same member, same provider)";
        if (bypass != null) {
            return EditCode.NCCI_PTP_BYPASSED.lines(List.of(column2.number()), relatedLines, relatedClaims,
                    pair + "; modifier " + bypass + " bypasses the edit, and the record must document a distinct service",
                    edit.citation());
        }
        String tail = edit.modifierIndicator() == 0 ? "; no modifier can bypass this edit"
                : "; an NCCI-associated modifier (such as 59, XS or XU) may bypass it only when the services were distinct";
        return EditCode.NCCI_PTP.lines(List.of(column2.number()), relatedLines, relatedClaims, pair + tail, edit.citation());
    }
}
