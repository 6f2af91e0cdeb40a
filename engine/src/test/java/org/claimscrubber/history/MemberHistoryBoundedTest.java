package org.claimscrubber.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberHistoryBoundedTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private static MemberHistory history(String text, int claims) {
        List<HistoryClaim> kept = new ArrayList<>();
        List<SeenEvent> events = new ArrayList<>();
        for (int i = 0; i < claims; i++) {
            HistoryLine line = new HistoryLine(1, "62323", List.of("RT", text), 1, DAY.plusDays(i), "1003000126", "1003000126");
            kept.add(HistoryClaim.of("C-" + i + text, List.of(line)));
            events.add(new SeenEvent("E-" + i + text, (int) DAY.toEpochDay() + i));
        }
        return new MemberHistory(List.copyOf(kept), List.copyOf(events));
    }

    @Test
    void aHistoryWithinTheLimitIsKeptAsItIsWhateverItsCharacters() {
        MemberHistory ascii = history("abc", 20);
        MemberHistory wide = history("\u00e9\u4e2d\u0000", 20);
        int asciiSize = HistoryCodec.encode(ascii).length;
        int wideSize = HistoryCodec.encode(wide).length;

        assertSame(ascii, ascii.bounded(asciiSize));
        assertSame(wide, wide.bounded(wideSize));
        assertEquals(wideSize, HistoryCodec.size(wide));
        assertTrue(HistoryCodec.sizeAtMost(wide) >= wideSize);
    }

    @Test
    void aHistoryOneByteOverTheLimitLosesItsOldestEventFirst() {
        MemberHistory wide = history("\u00e9\u4e2d\u0000", 20);
        int size = HistoryCodec.encode(wide).length;

        MemberHistory bounded = wide.bounded(size - 1);

        assertEquals(wide.claims(), bounded.claims());
        assertEquals(wide.events().subList(1, 20), bounded.events());
        assertTrue(HistoryCodec.encode(bounded).length <= size - 1);
    }

    @Test
    void pruneDropsWhatLiesBeforeTheHorizonAndKeepsTheRest() {
        MemberHistory h = history("x", 3);
        LocalDate today = DAY.plusDays(11);

        assertSame(h, h.prune(today, 11));
        MemberHistory pruned = h.prune(today, 10);
        assertEquals(h.claims().subList(1, 3), pruned.claims());
        assertEquals(h.events().subList(1, 3), pruned.events());
    }
}
