package org.claimscrubber.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Contracts §4a rule 1 where the table is built, whatever order the rows come in: the reference topics' stores hand
 * rows over in key order, not release order, and must give the same table as the files.
 */
class PtpTableReleaseTest {
    private static final int DAY = (int) LocalDate.of(2026, 3, 2).toEpochDay();

    private static PtpRow row(String column2, String effective, String deletion, int indicator, String source) {
        return new PtpRow("62323", column2, false, LocalDate.parse(effective), deletion == null ? null : LocalDate.parse(deletion), indicator,
                "CPT Manual or CMS manual coding instruction", source);
    }

    private static final List<PtpRow> ROWS = List.of(
            row("77003", "2017-01-01", null, 0, "ccipra-v320r0"),
            row("77003", "2017-01-01", "2017-01-01", 9, "ccipra-v321r0"),
            row("77012", "2017-01-01", null, 0, "ccipra-v320r0"),
            row("77012", "2017-01-01", null, 0, "ccipra-v321r0"),
            row("77012", "2017-01-01", "2025-12-31", 1, "ccipra-v319r0"),
            row("62270", "2017-01-01", "2025-12-31", 0, "ccipra-v320r0"),
            row("62270", "2026-01-01", null, 1, "ccipra-v320r0"),
            row("96372", "2017-01-01", null, 0, "ccipra-v99r0"),
            row("96372", "2017-01-01", null, 1, "ccipra-v100r0"));

    private static PtpTable build(List<PtpRow> rows) {
        PtpTable.Builder b = PtpTable.builder();
        rows.forEach(b::add);
        return b.build();
    }

    private static String describe(PtpTable t, String column2) {
        PtpTable.Edit e = t.inForce(Codes.encode("62323"), Codes.encode(column2), DAY);
        return e == null ? null : e.citation();
    }

    @Test
    void eachPairKeepsOnlyTheRowsOfItsNewestReleaseInWhateverOrderTheRowsArrive() {
        PtpTable inOrder = build(ROWS);
        assertNull(describe(inOrder, "77003"));
        assertTrue(describe(inOrder, "77012").endsWith("modifier indicator 0, ccipra-v321r0"), describe(inOrder, "77012"));
        assertTrue(describe(inOrder, "62270").contains("effective 2026-01-01"));
        assertTrue(describe(inOrder, "96372").endsWith("modifier indicator 1, ccipra-v100r0"), describe(inOrder, "96372"));
        assertEquals(5, inOrder.size());

        Random random = new Random(3);
        for (int i = 0; i < 20; i++) {
            List<PtpRow> shuffled = new ArrayList<>(ROWS);
            Collections.shuffle(shuffled, random);
            PtpTable t = build(shuffled);
            for (String column2 : List.of("77003", "77012", "62270", "96372")) {
                assertEquals(describe(inOrder, column2), describe(t, column2), shuffled.toString());
            }
            assertEquals(5, t.size());
        }
    }

    @Test
    void theNewestReleaseIsChosenByNumber() {
        assertEquals("ccipra-v321r0", build(ROWS).latestSource());
        assertTrue(PtpRelease.of("ccipra-v100r0").compareTo(PtpRelease.of("ccipra-v99r0")) > 0);
        assertTrue(PtpRelease.of("ccipra-v320r1").compareTo(PtpRelease.of("ccipra-v320r0")) > 0);
        assertEquals(0, PtpRelease.of("CCIPRA-V320R0").compareTo(PtpRelease.of("ccipra-v320r0")));
    }
}
