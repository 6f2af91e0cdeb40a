package org.claimscrubber.edits;

import static org.claimscrubber.ClaimFixture.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimscrubber.Scrubber;
import org.claimscrubber.TestReference;
import org.claimscrubber.decision.DecisionLine;
import org.claimscrubber.decision.PriceAdjustment;
import org.claimscrubber.reference.ReferenceData;
import org.junit.jupiter.api.Test;

/**
 * Locality pricing: ZIP (service facility, else billing provider) to carrier locality to the GPCIs of the RVU release's
 * year; national GPCIs (1.000) with {@code pricingLocality} null when a step finds nothing.
 */
class LocalityPricingTest {
    private static final Path SHARED = Path.of("..", "shared", "data");

    private static String shared(String folder, String file) {
        try {
            return Files.readString(SHARED.resolve(folder).resolve(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (var in = LocalityPricingTest.class.getResourceAsStream("/cms-localities/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The October 2025 release as CMS published it: PPRRVU2025_Oct (RVU25D), GPCI2025, 25LOCCO and ZIP5_OCT2025. */
    private static ReferenceData real2025() {
        return TestReference.files()
                .file("PPRRVU2025_Oct.csv", shared("cms-fee-schedule-2025-oct", "PPRRVU2025_Oct.csv"))
                .file("GPCI2025.csv", resource("GPCI2025.csv"))
                .file("25LOCCO.csv", resource("25LOCCO.csv"))
                .file("ZIP5_OCT2025.txt", shared("cms-zip-locality-2025-oct", "ZIP5_OCT2025.txt"))
                .load();
    }

    private static DecisionLine price(Scrubber scrubber, String pos, String billingZip, String facilityZip, String date) {
        return scrubber.judge(claim("C-" + pos + billingZip + facilityZip).on(date).pos(pos).zips(billingZip, facilityZip).line("62323"))
                .lines().get(0);
    }

    /**
     * 62323 in three localities, from three ZIPs, on CMS's October 2025 files: the locality amount is the line's
 * feeScheduleAmount (and adjustedAllowed, without adjustments); expectedAllowed stays national (contracts §3) (62323: work 1.80, PE 5.66 non-facility and
     * 1.00 facility, MP 0.17, CF 32.3465). The expected amounts are CMS's published formula (RVU25D documentation,
     * "The formula for 2025 physician fee schedule payment amount") worked by hand with Addendum E's GPCIs:
     * Anchorage 99501 = MAC 02102 locality 01 (work 1.5, PE 1.081, MP 0.592):
     * (1.80 x 1.5 + 5.66 x 1.081 + 0.17 x 0.592) x 32.3465 = 288.5017 -> 288.50; facility (1.0 PE) 125.56.
     * Manhattan 10001 = 13202-01 (1.065, 1.166, 1.656): 284.59 / 108.83. Birmingham 35203 = Alabama 10112-00
     * (1, 0.869, 0.575): 220.48 / 89.49. National (GPCI 1.000): 246.80 / 96.07, the national amounts published for 62323
     * in 2025 (7.63 and 2.97 total RVUs x 32.3465; the same $246.80 / $96.07 are quoted for 62323 from RVU25A at
     * https://medpayiq.com/cpt/62323, a third-party page, read 2026-12-03). CMS's PFS look-up tool
     * (https://www.cms.gov/medicare/physician-fee-schedule/search) could not be reached from the build machines: confirm
     * the three locality amounts there.
     */
    @Test
    void prices62323InThreeRealLocalitiesFromTheirZips() {
        Scrubber scrubber = new Scrubber(real2025());

        assertEquals(new BigDecimal("288.50"), price(scrubber, "11", "99501", null, "2025-11-03").feeScheduleAmount());
        assertEquals(new BigDecimal("125.56"), price(scrubber, "24", "99501", null, "2025-11-04").feeScheduleAmount());
        assertEquals(new BigDecimal("284.59"), price(scrubber, "11", "10001", null, "2025-11-05").feeScheduleAmount());
        assertEquals(new BigDecimal("108.83"), price(scrubber, "22", "10001", null, "2025-11-06").feeScheduleAmount());
        assertEquals(new BigDecimal("220.48"), price(scrubber, "11", "35203", null, "2025-11-07").feeScheduleAmount());
        assertEquals(new BigDecimal("89.49"), price(scrubber, "24", "35203", null, "2025-11-10").feeScheduleAmount());
        assertEquals(new BigDecimal("246.80"), price(scrubber, "11", null, null, "2025-11-11").feeScheduleAmount());
        assertEquals(new BigDecimal("96.07"), price(scrubber, "24", null, null, "2025-11-12").feeScheduleAmount());
        assertEquals(new BigDecimal("246.80"), price(scrubber, "11", "99501", null, "2025-11-03").expectedAllowed(),
                "contracts §3: expectedAllowed is the national amount whatever the locality");
        assertEquals(new BigDecimal("96.07"), price(scrubber, "24", "10001", null, "2025-11-06").expectedAllowed());
    }

    @Test
    void aPricedLineShowsWhatABillerNeedsToRecomputeIt() {
        DecisionLine line = price(new Scrubber(real2025()), "11", "99501", null, "2025-11-03");

        assertEquals("99501", line.pricingZip());
        assertEquals("0210201", line.pricingLocality());
        assertEquals("ALASKA*", line.localityName());
        assertEquals(List.of(new BigDecimal("1.5"), new BigDecimal("1.081"), new BigDecimal("0.592")),
                List.of(line.workGpci(), line.peGpci(), line.mpGpci()));
        assertEquals(new BigDecimal("288.50"), line.feeScheduleAmount());
        assertEquals(List.of(), line.adjustments());
        assertEquals("ZIP 99501 (billing provider) is in MAC 02102 locality 01 (ZIP5_OCT2025.txt); GPCIs of GPCI2025.csv; Work GPCI "
                + "reflects a 1.5 floor in Alaska established by the MIPPA.; counties: ALL COUNTIES (25LOCCO.csv)", line.pricingNote());
    }

    @Test
    void withoutAZipTheLineIsPricedWithNationalGpcisAndSaysSo() {
        DecisionLine line = Scrubber.sample().judge(claim("C1").pos("11").line("62323")).lines().get(0);

        assertEquals(new BigDecimal("273.22"), line.expectedAllowed());
        assertNull(line.pricingLocality());
        assertNull(line.pricingZip());
        assertEquals(List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE), List.of(line.workGpci(), line.peGpci(), line.mpGpci()));
        assertEquals("no service facility or billing provider ZIP on the claim: national GPCIs (1.000) used", line.pricingNote());
    }

    @Test
    void aZipNotInTheZipFileIsPricedNationallyAndSaysSo() {
        DecisionLine line = price(Scrubber.sample(), "11", "00000", null, "2026-03-02");

        assertEquals(new BigDecimal("273.22"), line.expectedAllowed());
        assertNull(line.pricingLocality());
        assertEquals("00000", line.pricingZip());
        assertEquals("ZIP 00000 (billing provider) is not in ZIP5_OCT2025.txt: national GPCIs (1.000) used", line.pricingNote());
        assertEquals("billing provider ZIP '9950' is not a five-digit ZIP code: national GPCIs (1.000) used",
                price(Scrubber.sample(), "11", "9950", null, "2026-03-02").pricingNote());
    }

    /** 2026: (1.76 x 1.5 + 6.25 x 1.065 + 0.17 x 0.551) x 33.4009 = 313.63 in Anchorage, and ZIP+4 forms are read too. */
    @Test
    void theServiceFacilityZipWinsOverTheBillingProviderZip() {
        DecisionLine line = price(Scrubber.sample(), "11", "35203", "99501-2213", "2026-03-02");

        assertEquals("99501", line.pricingZip());
        assertEquals("0210201", line.pricingLocality());
        assertEquals(new BigDecimal("313.63"), line.feeScheduleAmount());
        assertEquals(new BigDecimal("313.63"), line.adjustedAllowed());
        assertEquals(new BigDecimal("273.22"), line.expectedAllowed(), "contracts §3: GPCI 1.0 (national)");
        assertTrue(line.pricingNote().startsWith("ZIP 99501 (service facility) is in MAC 02102 locality 01"), line.pricingNote());
    }

    @Test
    void theWorkGpciFloorAndTheFrontierPeFloorAreNamedWhereCmsAppliesThem() {
        DecisionLine alabama = price(Scrubber.sample(), "11", "35203", null, "2026-03-02");
        DecisionLine wyoming = price(Scrubber.sample(), "11", "82001", null, "2026-03-03");

        assertEquals(new BigDecimal("244.66"), alabama.feeScheduleAmount());
        assertTrue(alabama.pricingNote().contains("; GPCIs of GPCI2026.csv; the work GPCI is at the 1.0 floor CMS applies;"),
                alabama.pricingNote());
        assertEquals(new BigDecimal("271.74"), wyoming.feeScheduleAmount());
        assertTrue(wyoming.pricingNote().contains("; PE GPCI reflects a 1.0 floor for frontier states established by the ACA.;"),
                wyoming.pricingNote());
    }

    @Test
    void aZipSplitByZipPlusFourIsPricedByItsZip5RecordAndSaysSo() {
        DecisionLine malibu = price(Scrubber.sample(), "11", "90265", null, "2026-03-02");

        assertEquals("0118218", malibu.pricingLocality());
        assertEquals(new BigDecimal("311.92"), malibu.feeScheduleAmount());
        assertTrue(malibu.pricingNote().contains("; ZIP 90265 is split between localities by ZIP+4: priced by its ZIP5 record;"),
                malibu.pricingNote());
    }

    @Test
    void gpcisOfAnotherYearNeverPriceARelease() {
        ReferenceData ref = TestReference.files().sample("PPRRVU2026_Jan_nonQPP.csv").sample("ZIP5_OCT2025.txt")
                .file("GPCI2025.csv", resource("GPCI2025.csv")).load();

        DecisionLine line = price(new Scrubber(ref), "11", "99501", null, "2026-03-02");

        assertNull(line.pricingLocality());
        assertEquals(new BigDecimal("273.22"), line.expectedAllowed());
        assertEquals("ZIP 99501 (billing provider) is in MAC 02102 locality 01 (ZIP5_OCT2025.txt), but no GPCI2026.csv is loaded for "
                + "the 2026 RVU release (GPCIs of another year do not price 2026 RVUs): national GPCIs (1.000) used", line.pricingNote());
    }

    @Test
    void unitsMultiplyTheRoundedFeeScheduleAmountInTheAdjustedAmount() {
        DecisionLine line = Scrubber.sample().judge(claim("C1").pos("11").diagnoses("J06.9").zips("10001", null).line("96372", 2))
                .lines().get(0);

        assertEquals(new BigDecimal("16.66"), line.feeScheduleAmount(), "(0.17 x 1.064 + 0.26 x 1.162 + 0.01 x 1.586) x 33.4009");
        assertEquals(List.of(new PriceAdjustment("UNITS", BigDecimal.valueOf(2), "2 units")), line.adjustments());
        assertEquals(new BigDecimal("33.32"), line.adjustedAllowed(), "16.66 x 2");
        assertEquals(new BigDecimal("29.39"), line.expectedAllowed(), "contracts §3: (0.17 + 0.26 + 0.01) x 33.4009 x 2, national");
    }

    @Test
    void unpricedLinesCarryNoLocality() {
        DecisionLine drug = Scrubber.sample().judge(claim("C1").pos("11").zips("10001", null).line("62323").line("J3301"))
                .lines().get(1);

        assertEquals("NOT_PFS", drug.pricing());
        assertNull(drug.pricingNote());
        assertNull(drug.workGpci());
        assertNull(drug.adjustments());
    }
}
