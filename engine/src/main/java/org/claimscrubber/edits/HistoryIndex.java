package org.claimscrubber.edits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.history.HistoryClaim;
import org.claimscrubber.history.HistoryLine;
import org.claimscrubber.history.MemberHistory;

/**
 * The member history one claim is judged against, read by date of service: a date's lines are gathered on first
 * use (a claim's lines usually share one or two dates, so most of a long history is never grouped), each list in
 * history order (claims, then their lines), so an edit that reads it finds what a scan of the whole history would,
 * in the same order.
 */
final class HistoryIndex {
    /** One line of an earlier accepted claim, with its provider on the engine's basis. */
    record Entry(String claimId, HistoryLine line, String provider) {
    }

    private final MemberHistory history;
    private final ProviderBasis basis;
    private LocalDate lastDate;
    private List<Entry> lastDay;
    private Map<LocalDate, List<Entry>> otherDays;

    HistoryIndex(MemberHistory history, ProviderBasis basis) {
        this.history = history;
        this.basis = basis;
    }

    /** The lines of that date of service, in history order. */
    List<Entry> on(LocalDate date) {
        if (date.equals(lastDate)) {
            return lastDay;
        }
        List<Entry> day = otherDays == null ? null : otherDays.get(date);
        if (day == null) {
            day = gather(date);
        }
        if (lastDate != null) {
            if (otherDays == null) {
                otherDays = new HashMap<>(4);
            }
            otherDays.put(lastDate, lastDay);
        }
        lastDate = date;
        lastDay = day;
        return day;
    }

    /** The lines of that code on that date of service, in history order. */
    List<Entry> on(LocalDate date, String code) {
        List<Entry> day = on(date);
        List<Entry> lines = null;
        for (int i = 0, n = day.size(); i < n; i++) {
            Entry e = day.get(i);
            if (e.line().code().equals(code)) {
                if (lines == null) {
                    lines = new ArrayList<>(2);
                }
                lines.add(e);
            }
        }
        return lines == null ? List.of() : lines;
    }

    /** The accepted claims of the history, in history order (for an edit that reads every line, not a date's). */
    List<HistoryClaim> claims() {
        return history.claims();
    }

    /** The lines of that date, in history order. */
    private List<Entry> gather(LocalDate date) {
        List<Entry> lines = null;
        List<HistoryClaim> claims = history.claims();
        for (int i = 0, n = claims.size(); i < n; i++) {
            HistoryClaim earlier = claims.get(i);
            List<HistoryLine> claimLines = earlier.lines();
            for (int j = 0, m = claimLines.size(); j < m; j++) {
                HistoryLine h = claimLines.get(j);
                if (h.serviceDate().equals(date)) {
                    if (lines == null) {
                        lines = new ArrayList<>(4);
                    }
                    lines.add(new Entry(earlier.claimId(), h, h.provider(basis)));
                }
            }
        }
        return lines == null ? List.of() : lines;
    }
}
