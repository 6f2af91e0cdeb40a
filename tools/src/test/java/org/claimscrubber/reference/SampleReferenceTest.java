package org.claimscrubber.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.claimscrubber.bench.SyntheticReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleReferenceTest {
    @Test
    void shippedSampleLoadsCleanly() {
        ReferenceData ref = ReferenceLoader.loadSample();

        assertEquals(java.util.List.of("ccipra-v320r0-f1.txt", "ccipra-v320r0-f2.txt", "MCR_MUE_PractitionerServices_Eff_01-01-2026.csv",
                "PPRRVU2026_Jan_nonQPP.csv", "AOC_V2026Q2-MCR.xlsx", "icd10cm_order_2026.txt", "GPCI2026.csv", "25LOCCO.csv",
                "ZIP5_OCT2025.txt"),
                ref.reports().stream().map(ReadReport::file).toList(), "every shipped file is read, in the loader's order");
        ref.reports().forEach(r -> assertEquals(0, r.rejectedRows(), r.toString()));
        CatalogRow row = ref.release(LocalDate.of(2026, 3, 2)).rows("62323").base();
        assertEquals(new BigDecimal("1.76"), row.workRvu());
        assertEquals("0", row.pctcIndicator());
        assertEquals("0", row.bilateralIndicator());
        assertEquals(1, ref.mue("62323", LocalDate.of(2026, 3, 2)).value());
        assertNotNull(ref.ptpEdit(Codes.encode("62323"), Codes.encode("77003"), LocalDate.of(2026, 3, 2)));
    }

    @Test
    void syntheticQuarterIsWrittenInTheCmsLayoutsAndReadBack(@TempDir Path dir) throws Exception {
        SyntheticReference.write(dir, 20_000, 500, 800, 1);

        ReferenceData ref = ReferenceLoader.load(dir);

        assertEquals(4 + 2, Files.list(dir).filter(p -> p.getFileName().toString().startsWith("ccipra")).count());
        ref.reports().forEach(r -> assertEquals(0, r.rejectedRows(), r.toString()));
        assertEquals(true, ref.ptp().size() > 19_000);
        assertNotNull(ref.ptpEdit(Codes.encode("62323"), Codes.encode("77003"), LocalDate.of(2026, 3, 2)));
    }
}
