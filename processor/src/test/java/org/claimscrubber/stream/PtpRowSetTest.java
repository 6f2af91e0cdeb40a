package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimscrubber.TestReference;
import org.claimscrubber.avro.PtpReferenceRow;
import org.claimscrubber.reference.CatalogRow;
import org.claimscrubber.reference.MueRow;
import org.claimscrubber.reference.PtpRow;
import org.claimscrubber.reference.ReferenceLoader;
import org.claimscrubber.reference.ReferenceVisitor;
import org.junit.jupiter.api.Test;

/**
 * The PTP rows that {@code load-reference} publishes (what {@link ReferenceLoader#visit} hands its sender) for a folder
 * holding two quarters: each topic key once, each pair from one release, the same rows on every load. Before, every
 * row the two quarters share was sent twice, the older copy last, so each reload re-sent it and flipped its source.
 */
class PtpRowSetTest {
    private static final String V321_F1 = TestReference.sampleText("ccipra-v320r0-f1.txt")
            .replace("62323\t77012\t\t20170101\t*\t0\t", "62323\t77012\t\t20170101\t20170101\t9\t")
            .replace("64484\t77012\t\t20170101\t*\t0\tCPT Manual or CMS manual coding instruction\r\n", "");

    private static List<ReferenceLoader.Source> twoQuarters() {
        TestReference files = TestReference.files().sample("ccipra-v320r0-f1.txt").sample("ccipra-v320r0-f2.txt")
                .file("ccipra-v321r0-f1.txt", V321_F1);
        return files.sources();
    }

    /** Topic key to value, failing on a key sent twice. */
    private static Map<String, PtpReferenceRow> published() {
        Map<String, PtpReferenceRow> rows = new LinkedHashMap<>();
        ReferenceLoader.visit(twoQuarters(), "test", new ReferenceVisitor() {
            @Override
            public void ptp(PtpRow row) {
                PtpReferenceRow before = rows.put(ReferenceRecords.key(row), ReferenceRecords.avro(row));
                assertNull(before, () -> "sent twice: " + ReferenceRecords.key(row));
            }

            @Override
            public void mue(LocalDate edition, MueRow row) {
            }

            @Override
            public void code(LocalDate release, String file, CatalogRow row) {
            }
        });
        return rows;
    }

    @Test
    void twoQuartersPublishEachRowOnceFromTheNewestReleaseHoldingItsPair() {
        Map<String, PtpReferenceRow> first = published();

        Map<String, String> releaseOfPair = new HashMap<>();
        for (PtpReferenceRow r : first.values()) {
            String pair = r.getColumn1() + "/" + r.getColumn2();
            assertEquals(releaseOfPair.computeIfAbsent(pair, p -> r.getSource()), r.getSource(), pair);
        }
        assertEquals("ccipra-v321r0", releaseOfPair.get("62323/77003"));
        assertEquals("ccipra-v320r0", releaseOfPair.get("64484/77012"), "a pair the newer quarter lacks keeps its older rows");
        assertEquals("ccipra-v320r0", releaseOfPair.get("77012/77003"), "part f2 of the older quarter still counts");
        assertNull(first.get("62323|77012|2017-01-01|*|0"), "the row the newer quarter deleted retroactively is not published");
        assertEquals(9, first.get("62323|77012|2017-01-01|2017-01-01|9").getModifierIndicator());
        assertEquals(first, published(), "a second load of the same folder has the same rows, so it sends nothing");
    }
}
