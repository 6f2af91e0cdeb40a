package org.claimscrubber.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The add-on code spreadsheet on CMS's real bytes (AOC_V2026Q2), and the ICD-10-CM order file layout. */
class AddOnAndDiagnosisReaderTest {
    private static final String AOC = "AOC_V2026Q2-MCR.xlsx";

    private static AddOnTable realAddOns(List<AddOnRow> rows, ReadReport[] report) throws Exception {
        try (InputStream in = AddOnAndDiagnosisReaderTest.class.getResourceAsStream("/cms-add-on-codes/" + AOC)) {
            report[0] = AddOnReader.read(AOC, in, rows::add);
        }
        return AddOnTable.of(AddOnReader.release(AOC), rows);
    }

    @Test
    void readsEveryRowOfTheRealAddOnCodeFile() throws Exception {
        List<AddOnRow> rows = new ArrayList<>();
        ReadReport[] report = new ReadReport[1];
        AddOnTable table = realAddOns(rows, report);

        assertEquals(9000, report[0].rows());
        assertEquals(0, report[0].rejectedRows());
        assertEquals(8293, rows.stream().filter(r -> r.type() == 1).count());
        assertEquals(47, rows.stream().filter(r -> r.type() == 2).count());
        assertEquals(660, rows.stream().filter(r -> r.type() == 3).count());
        assertEquals("AOC_V2026Q2", table.release());
    }

    @Test
    void theRealFileSaysWhatEachTransforaminalAddOnLevelNeeds() throws Exception {
        AddOnTable table = realAddOns(new ArrayList<>(), new ReadReport[1]);
        LocalDate day = LocalDate.of(2026, 5, 4);

        assertEquals(new AddOnTable.Rule("64484", 1, java.util.Set.of("64483"), "AOC_V2026Q2"), table.rule("64484", day));
        assertEquals(java.util.Set.of("64479"), table.rule("64480", day).primaries());
        assertNull(table.rule("64483", day), "a primary code is no add-on code");
        assertNull(table.rule("64484", LocalDate.of(2013, 3, 31)), "the edit starts on 2013091 (April 1, 2013)");
    }

    @Test
    void aPrimaryRowEndsOnItsDeletionDate() throws Exception {
        AddOnTable table = realAddOns(new ArrayList<>(), new ReadReport[1]);

        assertTrue(table.rule("77003", LocalDate.of(2019, 12, 31)).primaries().contains("62270"));
        assertFalse(table.rule("77003", LocalDate.of(2020, 1, 1)).primaries().contains("62270"), "AOC_Edit_DelDT 2019365");
        assertTrue(table.rule("77003", LocalDate.of(2026, 1, 2)).primaries().contains("61050"));
    }

    @Test
    void contractorDefinedPrimariesAreNotListed() throws Exception {
        AddOnTable.Rule rule = realAddOns(new ArrayList<>(), new ReadReport[1]).rule("0054T", LocalDate.of(2026, 5, 4));

        assertEquals(2, rule.type());
        assertTrue(rule.primaries().isEmpty());
    }

    @Test
    void yearAndDayOfYearDates() {
        assertEquals(LocalDate.of(2013, 4, 1), AddOnReader.date("2013091", "x"));
        assertEquals(LocalDate.of(2019, 12, 31), AddOnReader.date("2019365", "x"));
        assertThrows(IllegalArgumentException.class, () -> AddOnReader.date("20190101", "x"));
    }

    @Test
    void aFileThatIsNotASpreadsheetIsRefusedWithItsName() {
        ReferenceException e = assertThrows(ReferenceException.class,
                () -> AddOnReader.read(AOC, new ByteArrayInputStream("not a zip".getBytes(StandardCharsets.UTF_8)), r -> { }));
        assertTrue(e.getMessage().contains(AOC), e.getMessage());
    }

    @Test
    void orderFileNamesGiveTheFiscalYearOrTheAprilUpdate() {
        assertEquals(LocalDate.of(2025, 10, 1), DiagnosisReader.effectiveDate("icd10cm_order_2026.txt"));
        assertEquals(LocalDate.of(2026, 4, 1), DiagnosisReader.effectiveDate("icd10cm_order_2026_april.txt"));
        assertNull(DiagnosisReader.effectiveDate("icd10cm_codes_2026.txt"));
    }

    @Test
    void readsTheFixedWidthOrderFileAndReportsABadLineWithItsNumber() throws Exception {
        String file = "00001 M54     0 Dorsalgia                                                    Dorsalgia\r\n"
                + "00002 M5416   1 Radiculopathy, lumbar region                                 Radiculopathy, lumbar region\r\n"
                + "00003 M545    2 Low back pain                                                Low back pain\r\n";
        Map<String, Boolean> codes = new java.util.HashMap<>();
        ReadReport report = DiagnosisReader.read("icd10cm_order_2026.txt", new ByteArrayInputStream(file.getBytes(StandardCharsets.ISO_8859_1)),
                codes::put);

        assertEquals(Map.of("M54", false, "M5416", true), codes);
        assertEquals(1, report.rejectedRows());
        assertTrue(report.problems().get(0).startsWith("icd10cm_order_2026.txt:3: column 15"), report.problems().toString());
    }

    @Test
    void theSampleReferenceHoldsTheAddOnRowsAndAnIcd10CodeSet() {
        ReferenceData sample = ReferenceLoader.loadSample();

        assertEquals("AOC_V2026Q2", sample.addOns().release());
        DiagnosisCodes.Release fy2026 = sample.diagnoses().releaseOn(LocalDate.of(2026, 3, 2));
        assertEquals(DiagnosisCodes.Status.BILLABLE, fy2026.status("M5416"));
        assertEquals(DiagnosisCodes.Status.HEADER, fy2026.status("M545"));
        assertNull(sample.diagnoses().releaseOn(LocalDate.of(2025, 9, 30)));
    }
}
