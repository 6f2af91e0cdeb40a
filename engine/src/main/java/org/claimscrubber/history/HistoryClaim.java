package org.claimscrubber.history;

import java.time.LocalDate;
import java.util.List;

/** An accepted claim in member history: its id, its lines and (derived once) its latest date of service. */
public record HistoryClaim(String claimId, List<HistoryLine> lines, LocalDate lastServiceDate) {

    public static HistoryClaim of(String claimId, List<HistoryLine> lines) {
        LocalDate last = LocalDate.MIN;
        for (HistoryLine l : lines) {
            if (l.serviceDate().isAfter(last)) {
                last = l.serviceDate();
            }
        }
        return new HistoryClaim(claimId, List.copyOf(lines), last);
    }
}
