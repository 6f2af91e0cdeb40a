package org.claimscrubber.history;

import java.time.LocalDate;
import java.util.List;

/** An accepted claim in member history: its id and its lines. */
public record HistoryClaim(String claimId, List<HistoryLine> lines) {

    /** The latest date of service on the claim. */
    public LocalDate lastServiceDate() {
        LocalDate last = LocalDate.MIN;
        for (HistoryLine l : lines) {
            if (l.serviceDate().isAfter(last)) {
                last = l.serviceDate();
            }
        }
        return last;
    }
}
