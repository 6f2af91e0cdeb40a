package org.claimscrubber.edits;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.claimscrubber.decision.Severity;
import org.claimscrubber.history.HistoryLine;
import org.claimscrubber.reference.FeeSchedule;

/** STATUS_NOT_PAYABLE: what the fee schedule's status code says about paying a line (contracts §4a rule 6). */
final class StatusEdits {
    private StatusEdits() {
    }

    /**
     * STATUS_NOT_PAYABLE from the status code of the line's pricing row: B and P bundled (CO-97), N not covered (CO-96),
     * C and R questioned, T bundled when another payable service of the same provider is on the same date.
     */
    static void check(Review review, LineFacts f) {
        if (f.unknown) {
            return;
        }
        String status = f.pricingRow().statusCode();
        if (status.length() != 1 || "BPNCRT".indexOf(status.charAt(0)) < 0) {
            return;
        }
        String where = f.code + " on line " + f.number() + " has status " + status;
        String reference = CatalogEdits.citation(f) + ", " + f.code + " status code " + status;
        switch (status) {
            case "B" -> review.add(EditCode.STATUS_NOT_PAYABLE.line(f.number(), where + " (bundled) on " + f.date
                    + ": its payment is included in the services it goes with and it is never paid separately", reference));
            case "P" -> review.add(EditCode.STATUS_NOT_PAYABLE.line(f.number(), where + " (bundled or excluded) on " + f.date
                    + ": no separate payment under the fee schedule", reference));
            case "N" -> review.add(EditCode.STATUS_NOT_PAYABLE.lines(List.of(f.number()), List.of(), List.of(), Severity.DENY, "CO-96",
                    where + " (not covered by Medicare) on " + f.date, reference));
            case "C" -> review.add(EditCode.STATUS_NOT_PAYABLE.lines(List.of(f.number()), List.of(), List.of(), Severity.REVIEW, null,
                    where + " (priced by the contractor) on " + f.date + ": there is no national amount; the contractor prices it"
                            + " from the documentation", reference));
            case "R" -> review.add(EditCode.STATUS_NOT_PAYABLE.lines(List.of(f.number()), List.of(), List.of(), Severity.REVIEW, null,
                    where + " (restricted coverage) on " + f.date + ": covered only under special coverage instructions", reference));
            case "T" -> injection(review, f, where, reference);
            default -> {
            }
        }
    }

    private static void injection(Review review, LineFacts f, String where, String reference) {
        List<Integer> related = new ArrayList<>(2);
        List<String> others = new ArrayList<>(2);
        for (LineFacts g : review.lines) {
            if (g != f && !g.unknown && g.sameProviderAndDate(f) && paysAlongside(g.pricingRow().statusCode())) {
                related.add(g.number());
                others.add(g.code + " (line " + g.number() + ")");
            }
        }
        Set<String> claims = new LinkedHashSet<>();
        for (HistoryIndex.Entry e : review.history.on(f.date)) {
            if (e.provider().equals(f.provider) && paysAlongside(statusOf(review, e.line())) && claims.add(e.claimId())) {
                others.add(e.line().code() + " (claim " + e.claimId() + ")");
            }
        }
        if (others.isEmpty()) {
            return;
        }
        review.add(EditCode.STATUS_NOT_PAYABLE.lines(List.of(f.number()), related, new ArrayList<>(claims), where
                + " (paid only when no other fee-schedule service is billed that day): " + String.join(", ", others)
                + " of the same provider on " + f.date + " include it", reference));
    }

    /** Services payable under the fee schedule that make a status-T code bundled (T itself does not). */
    private static boolean paysAlongside(String status) {
        return "A".equals(status) || "R".equals(status) || "C".equals(status);
    }

    private static String statusOf(Review review, HistoryLine h) {
        FeeSchedule.Release release = review.reference.release(h.serviceDate());
        FeeSchedule.CodeRows rows = release == null ? null : release.rows(h.code());
        return rows == null ? null : LineFacts.pricingRow(rows, h.modifiers()).statusCode();
    }
}
