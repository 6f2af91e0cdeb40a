package org.claimscrubber.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The GPCI, locality-to-county and ZIP5 readers on CMS's real bytes: GPCI2026 (RVU26C) and GPCI2025, 25LOCCO (RVU25D)
 * copied to the test resources, and the whole ZIP5_OCT2025.txt read from ../shared/data, where CI keeps it.
 */
class LocalityReadersTest {
    static final Path ZIP5 = Path.of("..", "shared", "data", "cms-zip-locality-2025-oct", "ZIP5_OCT2025.txt");

    private static InputStream resource(String name) {
        return LocalityReadersTest.class.getResourceAsStream("/cms-localities/" + name);
    }

    private static Map<String, GpciRow> gpcis(String name, ReadReport[] report) throws Exception {
        Map<String, GpciRow> rows = new HashMap<>();
        try (InputStream in = resource(name)) {
            report[0] = GpciReader.read(name, in, r -> rows.put(r.key(), r));
        }
        return rows;
    }

    @Test
    void readsEveryLocalityOfTheRealGpci2026FileWithItsFootnotes() throws Exception {
        ReadReport[] report = new ReadReport[1];
        Map<String, GpciRow> rows = gpcis("GPCI2026.csv", report);

        assertEquals(109, report[0].rows());
        assertEquals(0, report[0].rejectedRows(), report[0].problems().toString());
        assertEquals(109, rows.size());
        GpciRow alaska = rows.get("02102-01");
        assertEquals(new BigDecimal("1.500"), alaska.work());
        assertEquals("Work GPCI reflects a 1.5 floor in Alaska established by the MIPPA.", alaska.notes());
        assertEquals("PE GPCI reflects a 1.0 floor for frontier states established by the ACA.", rows.get("03602-21").notes());
        GpciRow la = rows.get("01182-18");
        assertEquals(List.of(new BigDecimal("1.041"), new BigDecimal("1.183"), new BigDecimal("0.664")), List.of(la.work(), la.pe(), la.mp()));
        assertEquals("00", rows.get("10112-00").locality(), "locality numbers keep their leading zeros");
        assertTrue(rows.get("10112-00").workFloor(), "the header says: PW GPCI (with 1.0 Floor)");
        assertEquals("", rows.get("13202-01").notes());
        assertEquals(Integer.valueOf(2026), GpciReader.year("GPCI2026.csv"));
    }

    @Test
    void readsTheRealGpci2025FileWhoseNumbersHaveNoTrailingZeros() throws Exception {
        ReadReport[] report = new ReadReport[1];
        Map<String, GpciRow> rows = gpcis("GPCI2025.csv", report);

        assertEquals(109, report[0].rows());
        assertEquals(0, report[0].rejectedRows());
        assertEquals(0, new BigDecimal("1").compareTo(rows.get("10112-00").work()));
        assertEquals(new BigDecimal("0.869"), rows.get("10112-00").pe());
    }

    @Test
    void aGpciFileWhoseHeaderNamesAnotherYearIsRefusedWithItsLine() throws Exception {
        byte[] bytes;
        try (InputStream in = resource("GPCI2025.csv")) {
            bytes = in.readAllBytes();
        }
        ReferenceException e = assertThrows(ReferenceException.class,
                () -> GpciReader.read("GPCI2026.csv", new ByteArrayInputStream(bytes), r -> { }));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("names 2025 GPCIs but the file name says 2026"), e.getMessage());
    }

    @Test
    void aBadGpciRowIsReportedWithItsLineAndTheOthersLoad() throws Exception {
        String file = "title,,,,,,\r\n,,,,,,\r\nMedicare Administrative Contractor (MAC),State,Locality Number,Locality Name,"
                + "2026 PW GPCI (with 1.0 Floor),2026 PE GPCI,2026 MP GPCI\r\n"
                + "10112,AL,00,ALABAMA,1.000,0.875,0.566\r\n"
                + "02102,AK,01,ALASKA*,1.500,one,0.551\r\n";
        List<GpciRow> rows = new ArrayList<>();
        ReadReport report = GpciReader.read("GPCI2026.csv", new ByteArrayInputStream(file.getBytes(StandardCharsets.ISO_8859_1)), rows::add);

        assertEquals(1, rows.size());
        assertEquals(List.of("GPCI2026.csv:5: PE GPCI must be a number, not 'one'"), report.problems());
    }

    @Test
    void readsTheRealLocalityToCountyFileRestoringLeadingZerosAndStates() throws Exception {
        List<LocalityCounty> rows = new ArrayList<>();
        ReadReport report;
        try (InputStream in = resource("25LOCCO.csv")) {
            report = LocalityCountyReader.read("25LOCCO.csv", in, rows::add);
        }

        assertEquals(110, report.rows());
        assertEquals(0, report.rejectedRows(), report.problems().toString());
        LocalityCounty miami = rows.stream().filter(r -> r.key().equals("09102-04")).findFirst().orElseThrow();
        assertEquals("FLORIDA", miami.state(), "the file names a state on its first row only");
        assertEquals("MIAMI", miami.area());
        assertEquals("DADE AND MONROE", miami.counties());
        assertTrue(rows.stream().anyMatch(r -> r.key().equals("01112-05")), "1112,5 is MAC 01112, locality 05");
        assertEquals(Integer.valueOf(2025), LocalityCountyReader.year("25LOCCO.csv"));
    }

    @Test
    void readsEveryRecordOfTheRealZip5File() throws Exception {
        Map<String, ZipLocality> zips = new HashMap<>();
        ReadReport report;
        try (InputStream in = Files.newInputStream(ZIP5)) {
            report = ZipLocalityReader.read("ZIP5_OCT2025.txt", in, z -> zips.put(z.zip(), z));
        }

        assertEquals(42_956, report.rows());
        assertEquals(0, report.rejectedRows(), report.problems().toString());
        assertEquals(42_956, zips.size());
        assertEquals(580, zips.values().stream().filter(ZipLocality::plusFour).count());
        ZipLocality anchorage = zips.get("99501");
        assertEquals(List.of("AK", "02102", "01", "20254"), List.of(anchorage.state(), anchorage.mac(), anchorage.locality(), anchorage.yearQuarter()));
        assertEquals("01182-18", zips.get("90012").key());
        assertTrue(zips.get("90265").plusFour());
        assertEquals('B', zips.get("82063").rural());
        assertEquals(LocalDate.of(2025, 10, 1), ZipLocalityReader.effectiveDate("ZIP5_OCT2025.txt"));
    }

    @Test
    void aCutOffOrMalformedZipRecordIsReportedWithItsLine() throws Exception {
        String good = "AK995010210201 Z9   0 A                                                    20254\r\n";
        String file = good + "AK99502021X201 Z9   0 A                                                    20254\r\n"
                + "AK995030210201 Z9   0 A           ";
        List<ZipLocality> rows = new ArrayList<>();
        ReadReport report = ZipLocalityReader.read("ZIP5_OCT2025.txt", new ByteArrayInputStream(file.getBytes(StandardCharsets.US_ASCII)),
                rows::add);

        assertEquals(1, rows.size());
        assertEquals(List.of("ZIP5_OCT2025.txt:2: columns 8-12 must hold the five-digit carrier, not '021X2'",
                "ZIP5_OCT2025.txt:3: truncated last line (no line end)"), report.problems());
    }

    @Test
    void theShippedSampleCarriesLocalityFilesInTheCmsLayouts() {
        ReferenceData ref = ReferenceLoader.loadSample();
        Localities l = ref.localities();

        assertNotNull(l.gpci(2026));
        assertNull(l.gpci(2025), "no GPCIs of another year than the sample's RVU release");
        assertEquals("02102-01", l.zipsOn(LocalDate.of(2026, 3, 2)).zip("99501").key());
        assertNull(l.zipsOn(LocalDate.of(2025, 9, 30)), "the ZIP5 file is in force from October 2025");
        assertEquals("MANHATTAN", l.countiesFor(2026).byKey().get("13202-01").get(0).area());
        assertFalse(ref.reports().stream().anyMatch(r -> r.rejectedRows() > 0), ref.reports().toString());
    }
}
