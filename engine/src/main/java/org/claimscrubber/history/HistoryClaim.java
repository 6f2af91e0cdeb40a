package org.claimscrubber.history;

import java.time.LocalDate;
import java.util.List;

/**
 * An accepted claim in member history: its id, its lines and, derived once, its latest date of service and an upper
 * bound of its stored size ({@link HistoryCodec#sizeAtMost}).
 */
public record HistoryClaim(String claimId, List<HistoryLine> lines, LocalDate lastServiceDate, int sizeAtMost) {

    public static HistoryClaim of(String claimId, List<HistoryLine> lines) {
        LocalDate last = LocalDate.MIN;
        for (HistoryLine l : lines) {
            if (l.serviceDate().isAfter(last)) {
                last = l.serviceDate();
            }
        }
        List<HistoryLine> kept = List.copyOf(lines);
        return new HistoryClaim(claimId, kept, last, HistoryCodec.sizeAtMost(claimId, kept));
    }
}
