package org.claimscrubber.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readers on real CMS bytes (excerpts of the 2026 Q3 PTP f1 file and the July 2026 MUE table). */
class CmsExcerptReaderTest {
    private static InputStream excerpt(String name) {
        return CmsExcerptReaderTest.class.getResourceAsStream("/cms-excerpts/" + name);
    }

    @Test
    void ptpExcerptYieldsEveryCompleteRowAndReportsTheCutLastLine() throws IOException {
        List<PtpRow> rows = new ArrayList<>();
        ReadReport report = PtpReader.read("ccipra-v322r0-f1.txt", excerpt("ccipra-v322r0-f1.excerpt.txt"), rows::add);

        assertEquals(154, rows.size());
        assertEquals(1, report.rejectedRows());
        assertTrue(report.problems().get(0).startsWith("ccipra-v322r0-f1.txt:161: truncated last line"), report.problems().get(0));
        assertEquals(139, rows.stream().filter(r -> r.modifierIndicator() == 1).count());
        assertEquals(9, rows.stream().filter(r -> r.modifierIndicator() == 0).count());
        assertEquals(6, rows.stream().filter(r -> r.modifierIndicator() == 9).count());
        assertEquals(66, rows.stream().filter(r -> r.deletion() == null).count());
        assertTrue(rows.stream().filter(r -> r.modifierIndicator() == 9).allMatch(r -> r.effective().equals(r.deletion())));
        PtpRow first = rows.get(0);
        assertEquals("0001A", first.column1());
        assertEquals("0591T", first.column2());
        assertEquals(LocalDate.of(2022, 1, 1), first.effective());
        assertEquals(LocalDate.of(2023, 12, 31), first.deletion());
        assertEquals("CPT Manual or CMS manual coding instruction", first.rationale());
        assertEquals("ccipra-v322r0", first.source());
    }

    @Test
    void ptpExcerptLoadsIntoTheTableByDate() throws IOException {
        PtpTable.Builder builder = PtpTable.builder();
        PtpReader.read("ccipra-v322r0-f1.txt", excerpt("ccipra-v322r0-f1.excerpt.txt"), builder::add);
        PtpTable table = builder.build();

        PtpTable.Edit live = table.inForce(Codes.encode("0001U"), Codes.encode("0030U"), (int) LocalDate.of(2026, 7, 1).toEpochDay());
        assertEquals(1, live.modifierIndicator());
        assertEquals("ccipra-v322r0", live.source());
        assertNull(table.inForce(Codes.encode("0001U"), Codes.encode("0029U"), (int) LocalDate.of(2026, 7, 1).toEpochDay()));
        assertEquals(0, table.inForce(Codes.encode("0001M"), Codes.encode("80050"), (int) LocalDate.of(2018, 12, 31).toEpochDay())
                .modifierIndicator());
        assertNull(table.inForce(Codes.encode("0001A"), Codes.encode("90473"), (int) LocalDate.of(2022, 1, 1).toEpochDay()));
    }

    @Test
    void theRealQuarterOverridesAnOlderReleaseForThePairsItHolds() throws IOException {
        String real;
        try (InputStream in = excerpt("ccipra-v322r0-f1.excerpt.txt")) {
            real = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        ReferenceData ref = org.claimscrubber.TestReference.files().file("ccipra-v322r0-f1.txt", real)
                .ptp("ccipra-v321r0-f1.txt",
                        "0001U\t0029U\t\t20180701\t*\t0\tMisuse of Column Two code with Column One code",
                        "0001A\t90473\t\t20220101\t*\t0\tCPT Manual or CMS manual coding instruction",
                        "62323\t77003\t\t20170101\t*\t0\tCPT Manual or CMS manual coding instruction")
                .load();

        LocalDate july = LocalDate.of(2026, 7, 1);
        assertNull(ref.ptpEdit(Codes.encode("0001U"), Codes.encode("0029U"), july), "v322r0 ends the pair on 2026-06-30");
        assertNull(ref.ptpEdit(Codes.encode("0001A"), Codes.encode("90473"), july), "v322r0 deletes the pair retroactively (indicator 9)");
        assertEquals("ccipra-v321r0", ref.ptpEdit(Codes.encode("62323"), Codes.encode("77003"), july).source());
        assertEquals("ccipra-v322r0", ref.ptp().latestSource());
    }

    @Test
    void mueExcerptHandlesLatin1NoticeAndTheWrappedHeader() throws IOException {
        List<MueRow> rows = new ArrayList<>();
        ReadReport report = MueReader.read("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv",
                excerpt("MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv"), rows::add);

        assertEquals(44, rows.size());
        assertEquals(0, report.rejectedRows());
        assertEquals(new MueRow("0001U", 1, 2, "2 Date of Service Edit: Policy", "Code Descriptor / CPT Instruction"), rows.get(0));
        assertEquals(30, rows.stream().filter(r -> r.mai() == 2).count());
        assertEquals(14, rows.stream().filter(r -> r.mai() == 3).count());
        assertEquals(6, rows.stream().filter(r -> r.value() == 2).count());
        assertEquals(new MueRow("0009U", 2, 3, "3 Date of Service Edit: Clinical", "Nature of Analyte"),
                rows.stream().filter(r -> r.code().equals("0009U")).findFirst().orElseThrow());
        assertEquals(LocalDate.of(2026, 7, 1), MueReader.effectiveDate("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv"));
    }
}
