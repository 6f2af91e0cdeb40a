package org.claimscrubber.edits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.history.HistoryClaim;
import org.claimscrubber.history.HistoryLine;
import org.claimscrubber.history.MemberHistory;

/**
 * The member history one claim is judged against, read once: its lines grouped by date of service and, within a
 * date, by code. Built on first use; every group keeps history order (claims, then their lines), so an edit that
 * reads a group finds what a scan of the whole history would, in the same order.
 */
final class HistoryIndex {
    /** One line of an earlier accepted claim, with its provider on the engine's basis. */
    record Entry(String claimId, HistoryLine line, String provider) {
    }

    /** The lines of one date of service: all of them and by code, each in history order. */
    record Day(List<Entry> lines, Map<String, List<Entry>> byCode) {
    }

    private final MemberHistory history;
    private final ProviderBasis basis;
    private Map<LocalDate, Day> days;

    HistoryIndex(MemberHistory history, ProviderBasis basis) {
        this.history = history;
        this.basis = basis;
    }

    /** The lines of that date of service, in history order. */
    List<Entry> on(LocalDate date) {
        Day day = index().get(date);
        return day == null ? List.of() : day.lines();
    }

    /** The lines of that code on that date of service, in history order. */
    List<Entry> on(LocalDate date, String code) {
        Day day = index().get(date);
        List<Entry> lines = day == null ? null : day.byCode().get(code);
        return lines == null ? List.of() : lines;
    }

    /** Every date of service in history (in no particular order). */
    Collection<Day> days() {
        return index().values();
    }

    private Map<LocalDate, Day> index() {
        if (days == null) {
            days = new HashMap<>();
            for (HistoryClaim earlier : history.claims()) {
                for (HistoryLine h : earlier.lines()) {
                    Entry e = new Entry(earlier.claimId(), h, h.provider(basis));
                    Day day = days.computeIfAbsent(h.serviceDate(), d -> new Day(new ArrayList<>(2), new HashMap<>(4)));
                    day.lines().add(e);
                    day.byCode().computeIfAbsent(h.code(), c -> new ArrayList<>(2)).add(e);
                }
            }
        }
        return days;
    }
}
