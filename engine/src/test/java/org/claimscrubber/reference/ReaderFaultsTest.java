package org.claimscrubber.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.TestReference;
import org.junit.jupiter.api.Test;

class ReaderFaultsTest {
    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void badPtpRowsAreReportedWithFileAndLineAndTheRestIsRead() throws IOException {
        List<PtpRow> rows = new ArrayList<>();
        ReadReport report = PtpReader.read("ccipra-v320r0-f1.txt", bytes(TestReference.PTP_NOTICE
                + "62323\t77003\t\t20170101\t*\t0\tCPT Manual\r\n"
                + "62323\t77012\t\t2017-01-01\t*\t0\tCPT Manual\r\n"
                + "62323\t62270\t\t20170101\t*\t5\tCPT Manual\r\n"
                + "62321\t77003\t\t20170101\t*\t0\tCPT Manual\r\n"), rows::add);

        assertEquals(2, rows.size());
        assertEquals(2, report.rejectedRows());
        assertEquals("ccipra-v320r0-f1.txt:6: effective date must be YYYYMMDD, not '2017-01-01'", report.problems().get(0));
        assertTrue(report.problems().get(1).startsWith("ccipra-v320r0-f1.txt:7: modifier indicator"));
    }

    @Test
    void aFileThatYieldsNoRowsIsRefused() {
        ReferenceException empty = assertThrows(ReferenceException.class,
                () -> PtpReader.read("ccipra-v320r0-f1.txt", bytes(""), r -> { }));
        ReferenceException wrongColumns = assertThrows(ReferenceException.class,
                () -> PtpReader.read("ccipra-v320r0-f2.txt", bytes("62323,77003,,20170101,*,0\r\n"), r -> { }));

        assertTrue(empty.getMessage().startsWith("ccipra-v320r0-f1.txt: no readable rows"), empty.getMessage());
        assertEquals("ccipra-v320r0-f2.txt", wrongColumns.file());
    }

    @Test
    void mueWithoutItsHeaderIsRefused() {
        ReferenceException e = assertThrows(ReferenceException.class, () -> MueReader.read(
                "MCR_MUE_PractitionerServices_Eff_01-01-2026.csv", bytes("62323,1,2 Date of Service Edit: Policy,x\r\n"), r -> { }));

        assertTrue(e.getMessage().contains("no header row"));
    }

    /** The ICD-10-CM order file too: before, its first line was dropped as a rejected row and the file was used. */
    @Test
    void anOrderFileWithAByteOrderMarkIsRefusedWithFileAndLine() {
        byte[] all = ("\uFEFF00001 B02     0 Zoster                                                       Zoster\r\n"
                + "00002 B0221   1 Postherpetic geniculate ganglionitis                         Postherpetic geniculate ganglionitis\r\n")
                .getBytes(StandardCharsets.UTF_8);

        ReferenceException e = assertThrows(ReferenceException.class, () -> DiagnosisReader.read("icd10cm_order_2026.txt",
                new ByteArrayInputStream(all), (code, billable) -> { }));

        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("byte-order mark"));
    }

    @Test
    void utf8ByteOrderMarkIsRefusedWithFileAndLine() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = (TestReference.MUE_HEADER + "62323,1,2 Date of Service Edit: Policy,x\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);

        ReferenceException e = assertThrows(ReferenceException.class, () -> MueReader.read(
                "MCR_MUE_PractitionerServices_Eff_01-01-2026.csv", new ByteArrayInputStream(all), r -> { }));

        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("byte-order mark"));
    }

    @Test
    void aCsvCutOffInsideAQuotedCellIsRefused() {
        String cut = TestReference.MUE_HEADER + "62323,1,2 Date of Service Edit: Policy,x\r\n62321,1,\"2 Date of Serv";

        ReferenceException e = assertThrows(ReferenceException.class, () -> MueReader.read(
                "MCR_MUE_PractitionerServices_Eff_01-01-2026.csv", bytes(cut), r -> { }));

        assertEquals(6, e.line(), "the line where the cut record starts");
        assertTrue(e.getMessage().contains("partial file"));
    }

    @Test
    void aDuplicatedPartEditionOrReleaseIsRefused() {
        String row = "62323\t77003\t\t20170101\t*\t0\tCPT Manual";
        ReferenceException ptp = assertThrows(ReferenceException.class, () -> TestReference.files()
                .ptp("ccipra-v320r0-f1.txt", row).ptp("ccipra-v320r0-f1 (copy).txt", row).load());
        ReferenceException rvu = assertThrows(ReferenceException.class, () -> TestReference.files()
                .sample("PPRRVU2026_Jan_nonQPP.csv").sampleAs("PPRRVU2026_Jan_nonQPP.csv", "PPRRVU26_JAN_nonQPP.csv").load());

        assertTrue(ptp.getMessage().contains("duplicates ccipra-v320r0-f1.txt"), ptp.getMessage());
        assertTrue(rvu.getMessage().contains("duplicates"), rvu.getMessage());
    }

    @Test
    void rvuReaderTakesNaAndBlankCellsAndReportsBadNumbers() throws IOException {
        String sample = TestReference.sampleText("PPRRVU2026_Jan_nonQPP.csv");
        List<CatalogRow> rows = new ArrayList<>();
        ReadReport report = RvuReader.read("PPRRVU2026_Jan_nonQPP.csv",
                bytes(sample.replace("62270,,\"Spinal puncture, lumbar, diagnostic\",A,,1.37", "62270,,Spinal puncture,A,,one")), rows::add);

        assertEquals(1, report.rejectedRows());
        assertTrue(report.problems().get(0).contains("column 6 must be a number"), report.problems().get(0));
        CatalogRow tc = rows.stream().filter(r -> r.code().equals("77003") && r.modifier().equals("TC")).findFirst().orElseThrow();
        assertTrue(tc.facilityNa());
        assertEquals(null, tc.facilityPeRvu());
        assertEquals("33.4009", tc.conversionFactor().toPlainString());
    }

    @Test
    void fileNamesCarryTheDates() {
        assertEquals(LocalDate.of(2026, 1, 1), RvuReader.effectiveDate("PPRRVU2026_Jan_nonQPP.csv"));
        assertEquals(LocalDate.of(2026, 4, 1), RvuReader.effectiveDate("PPRRVU26_APR.csv"));
        assertEquals(LocalDate.of(2025, 10, 1), RvuReader.effectiveDate("PPRRVU25_Oct_QPP.csv"));
        assertEquals(null, RvuReader.effectiveDate("RVU26A.csv"));
        assertEquals("ccipra-v322r0", PtpReader.version("ccipra-v322r0-f3.TXT"));
        assertEquals(null, PtpReader.version("ccioprv322r0-f1.txt"));
    }

    @Test
    void loaderRefusesAFolderWithABadFileAndNamesIt() {
        ReferenceException e = assertThrows(ReferenceException.class, () -> TestReference.files()
                .sample("ccipra-v320r0-f1.txt").file("MCR_MUE_PractitionerServices_Eff_01-01-2026.csv", "").load());

        assertEquals("MCR_MUE_PractitionerServices_Eff_01-01-2026.csv", e.file());
    }

    @Test
    void nonQppReleaseWinsOverQppForTheSameMonth() {
        String jan = TestReference.sampleText("PPRRVU2026_Jan_nonQPP.csv");
        ReferenceData ref = TestReference.files().file("PPRRVU2026_Jan_nonQPP.csv", jan)
                .file("PPRRVU2026_Jan_QPP.csv", jan.replace("33.4009", "33.5675")).load();

        assertEquals("PPRRVU2026_Jan_nonQPP.csv", ref.release(LocalDate.of(2026, 2, 1)).file());
    }
}
