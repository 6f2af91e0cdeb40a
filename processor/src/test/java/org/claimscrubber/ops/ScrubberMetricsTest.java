package org.claimscrubber.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.claimscrubber.Scrubber;
import org.junit.jupiter.api.Test;

class ScrubberMetricsTest {
    @Test
    void inputKeyMismatchesAreCountedFromZero() {
        ScrubberMetrics metrics = new ScrubberMetrics();
        assertTrue(metrics.scrape().contains("claimscrubber_input_key_mismatch_total 0.0"), metrics.scrape());

        metrics.inputKeyMismatch();
        metrics.inputKeyMismatch();

        assertTrue(metrics.scrape().contains("claimscrubber_input_key_mismatch_total 2.0"), metrics.scrape());
    }

    @Test
    void ptpVersionsNameTheirQuarter() {
        assertEquals(LocalDate.of(2026, 1, 1), ScrubberMetrics.ptpQuarterStart("ccipra-v320r0"));
        assertEquals(LocalDate.of(2026, 7, 1), ScrubberMetrics.ptpQuarterStart("ccipra-v322r0"));
        assertEquals(LocalDate.of(2025, 10, 1), ScrubberMetrics.ptpQuarterStart("ccipra-v313r1"));
        assertNull(ScrubberMetrics.ptpQuarterStart("something"));
    }

    @Test
    void referenceInForceIsPublishedWithItsEffectiveDate() {
        ScrubberMetrics metrics = new ScrubberMetrics();
        metrics.referenceInForce(Scrubber.sampleReference());

        String scrape = metrics.scrape();
        assertTrue(scrape.contains("claimscrubber_reference_info{table=\"rvu\",version=\"2026-01-01\"} 1"), scrape);
        assertTrue(scrape.contains("claimscrubber_reference_effective_timestamp_seconds{table=\"ptp\"} 1.7672256E9"), scrape);
    }
}
