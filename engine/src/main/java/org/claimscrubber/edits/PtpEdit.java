package org.claimscrubber.edits;

import java.time.LocalDate;
import java.util.List;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.decision.Severity;
import org.claimscrubber.history.HistoryLine;
import org.claimscrubber.reference.CatalogRow;
import org.claimscrubber.reference.Codes;
import org.claimscrubber.reference.FeeSchedule;
import org.claimscrubber.reference.PtpTable;

/**
 * NCCI_PTP and NCCI_PTP_BYPASSED: column-2 lines denied against column-1 lines on this claim or in history, and
 * column-1 lines questioned (REVIEW) when their column-2 partner was accepted earlier (contracts §4a rule 10).
 * What the modifiers do is {@link PtpModifiers}' call.
 */
final class PtpEdit {
    private PtpEdit() {
    }

    static void check(Review review) {
        List<LineFacts> lines = review.lines;
        for (LineFacts line : lines) {
            if (line.codeKey < 0) {
                continue;
            }
            for (LineFacts column1 : lines) {
                if (column1 == line || column1.codeKey < 0 || !column1.sameProviderAndDate(line)) {
                    continue;
                }
                PtpTable.Edit edit = review.reference.ptpEdit(column1.codeKey, line.codeKey, line.date);
                if (edit != null) {
                    String where = "line " + column1.number();
                    PtpModifiers.Verdict verdict = PtpModifiers.judge(edit, column1.line.modifiers(), line.line.modifiers(),
                            globalDays(edit, column1.rows), line.date);
                    review.add(denial(edit, line, verdict, where, List.of(column1.number()), List.of()));
                }
            }
            for (HistoryIndex.Entry e : review.history.on(line.date)) {
                if (e.provider().equals(line.provider)) {
                    againstEarlier(review, line, e.claimId(), e.line());
                }
            }
        }
    }

    /** The line against one line of an earlier accepted claim, in both roles: column 2 (denied) and column 1 (late). */
    private static void againstEarlier(Review review, LineFacts line, String earlier, HistoryLine h) {
        int key = Codes.encode(h.code());
        PtpTable.Edit edit = review.reference.ptpEdit(key, line.codeKey, line.date);
        if (edit != null) {
            PtpModifiers.Verdict verdict = PtpModifiers.judge(edit, h.modifiers(), line.line.modifiers(),
                    globalDays(review, edit, h.code(), h.serviceDate()), line.date);
            review.add(denial(edit, line, verdict, where(earlier, h), List.of(), List.of(earlier)));
        }
        PtpTable.Edit partner = review.reference.ptpEdit(line.codeKey, key, line.date);
        if (partner != null) {
            PtpModifiers.Verdict verdict = PtpModifiers.judge(partner, line.line.modifiers(), h.modifiers(),
                    globalDays(partner, line.rows), line.date);
            review.add(lateColumnOne(partner, line, verdict, where(earlier, h), earlier));
        }
    }

    private static String where(String earlier, HistoryLine h) {
        return "claim " + earlier + " line " + h.lineNumber();
    }

    private static String globalDays(PtpTable.Edit edit, FeeSchedule.CodeRows rows) {
        if (!PtpModifiers.needsGlobalDays(edit) || rows == null) {
            return null;
        }
        CatalogRow row = rows.pricing(null);
        return row == null ? null : row.globalDays();
    }

    private static String globalDays(Review review, PtpTable.Edit edit, String code, LocalDate date) {
        if (!PtpModifiers.needsGlobalDays(edit)) {
            return null;
        }
        FeeSchedule.Release release = review.reference.release(date);
        return globalDays(edit, release == null ? null : release.rows(code));
    }

    /** The column-2 line of this claim against a column-1 line here or on an earlier accepted claim. */
    private static Finding denial(PtpTable.Edit edit, LineFacts column2, PtpModifiers.Verdict verdict, String column1Where,
                                  List<Integer> relatedLines, List<String> relatedClaims) {
        String pair = edit.column2() + " (line " + column2.number() + ") is bundled into " + edit.column1() + " (" + column1Where
                + ") on " + column2.date + " (same member, same provider)";
        return finding(edit, verdict, Severity.DENY, List.of(column2.number()), relatedLines, relatedClaims, pair, "");
    }

    /** A column-1 line of this claim whose column-2 partner was accepted earlier: never a denial of this line. */
    private static Finding lateColumnOne(PtpTable.Edit edit, LineFacts column1, PtpModifiers.Verdict verdict, String column2Where,
                                         String earlierClaim) {
        String pair = edit.column1() + " (line " + column1.number() + ") arrives after its column-2 partner " + edit.column2() + " ("
                + column2Where + ") was accepted for " + column1.date + " (same member, same provider)";
        String consequence = "; " + edit.column2() + " is bundled into " + edit.column1() + ", so the earlier payment needs review";
        return finding(edit, verdict, Severity.REVIEW, List.of(column1.number()), List.of(), List.of(earlierClaim), pair, consequence);
    }

    private static Finding finding(PtpTable.Edit edit, PtpModifiers.Verdict verdict, Severity standing, List<Integer> lines,
                                   List<Integer> relatedLines, List<String> relatedClaims, String pair, String consequence) {
        String m = verdict.modifier();
        switch (verdict.outcome()) {
            case BYPASSED:
                return EditCode.NCCI_PTP_BYPASSED.lines(lines, relatedLines, relatedClaims,
                        pair + "; modifier " + m + " bypasses the edit, and the record must document a distinct service", edit.citation());
            case REVIEW:
                return ptp(Severity.REVIEW, lines, relatedLines, relatedClaims, pair + consequence + "; modifier " + m
                        + " (a global-surgery modifier) does not bypass the edit: the record must be reviewed", edit.citation());
            default:
                return ptp(standing, lines, relatedLines, relatedClaims, pair + consequence + deniedTail(edit, m), edit.citation());
        }
    }

    private static String deniedTail(PtpTable.Edit edit, String ignored) {
        if (edit.modifierIndicator() == 0) {
            return "; no modifier can bypass this edit";
        }
        String not = ignored == null ? "" : "; modifier " + ignored + " does not bypass it here";
        if (PtpModifiers.isEm(edit.column2())) {
            return not + "; only modifier 25 on the E/M line (57 when " + edit.column1() + " has 090 global days) can bypass it";
        }
        return not + "; an NCCI-associated modifier that marks a distinct service (59 or XE, XP, XS, XU on a non-E/M line, "
                + "or different anatomic modifiers on both lines) may bypass it only when the services were distinct";
    }

    private static Finding ptp(Severity severity, List<Integer> lines, List<Integer> relatedLines, List<String> relatedClaims,
                               String message, String reference) {
        if (severity == EditCode.NCCI_PTP.severity()) {
            return EditCode.NCCI_PTP.lines(lines, relatedLines, relatedClaims, message, reference);
        }
        return new Finding(EditCode.NCCI_PTP.name(), severity, lines, relatedLines, relatedClaims, EditCode.NCCI_PTP.carc(), message,
                reference);
    }
}
