package org.claimscrubber.edits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.history.HistoryClaim;
import org.claimscrubber.history.HistoryLine;
import org.claimscrubber.history.MemberHistory;
import org.junit.jupiter.api.Test;

class HistoryIndexTest {
    private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);

    private final MemberHistory history = new MemberHistory(List.of(
            HistoryClaim.of("C1", List.of(line(1, "64483", MONDAY), line(2, "77003", MONDAY), line(3, "64483", TUESDAY))),
            HistoryClaim.of("C2", List.of(line(1, "77003", MONDAY), line(2, "64483", MONDAY)))), List.of());

    @Test
    void linesOfADateComeInHistoryOrderAcrossClaims() {
        HistoryIndex index = new HistoryIndex(history, ProviderBasis.RENDERING);

        assertEquals(List.of("C1:1", "C1:2", "C2:1", "C2:2"), names(index.on(MONDAY)));
        assertEquals(List.of("C1:3"), names(index.on(TUESDAY)));
        assertEquals(List.of(), names(index.on(TUESDAY.plusDays(1))));
    }

    @Test
    void linesOfACodeOnADateComeInHistoryOrder() {
        HistoryIndex index = new HistoryIndex(history, ProviderBasis.RENDERING);

        assertEquals(List.of("C1:1", "C2:2"), names(index.on(MONDAY, "64483")));
        assertEquals(List.of(), names(index.on(TUESDAY, "77003")));
    }

    /** Dates are gathered one at a time as edits ask: coming back to one, in any order, finds the same lines. */
    @Test
    void revisitedDatesFindTheSameLines() {
        HistoryIndex index = new HistoryIndex(history, ProviderBasis.RENDERING);
        LocalDate wednesday = TUESDAY.plusDays(1);

        for (LocalDate date : List.of(MONDAY, TUESDAY, wednesday, MONDAY, wednesday, TUESDAY, MONDAY)) {
            List<String> want = date.equals(MONDAY) ? List.of("C1:1", "C1:2", "C2:1", "C2:2") : date.equals(TUESDAY) ? List.of("C1:3") : List.of();
            assertEquals(want, names(index.on(date)), date.toString());
        }
        assertEquals(List.of("C1:2", "C2:1"), names(index.on(MONDAY, "77003")));
    }

    @Test
    void entriesCarryTheProviderOfTheEngineBasis() {
        assertEquals("1111111112", new HistoryIndex(history, ProviderBasis.RENDERING).on(TUESDAY).get(0).provider());
        assertEquals("2222222224", new HistoryIndex(history, ProviderBasis.BILLING).on(TUESDAY).get(0).provider());
    }

    private static HistoryLine line(int number, String code, LocalDate date) {
        return new HistoryLine(number, code, List.of(), 1, date, "1111111112", "2222222224");
    }

    private static List<String> names(List<HistoryIndex.Entry> entries) {
        return entries.stream().map(e -> e.claimId() + ":" + e.line().lineNumber()).toList();
    }
}
