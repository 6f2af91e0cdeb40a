package org.claimscrubber.edits;

import static org.claimscrubber.ClaimFixture.claim;
import static org.claimscrubber.Scrubber.edits;
import static org.claimscrubber.Scrubber.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.claimscrubber.Scrubber;
import org.claimscrubber.TestReference;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.DecisionLine;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.reference.ReferenceData;
import org.junit.jupiter.api.Test;

class CatalogEditsTest {
    private final Scrubber scrubber = Scrubber.sample();

    @Test
    void enrichesWithNonFacilityRateInTheOffice() {
        Decision d = scrubber.judge(claim("C1").pos("11").line("62323"));

        DecisionLine line = d.lines().get(0);
        assertEquals("NON_FACILITY", line.rateSetting());
        assertEquals(new BigDecimal("6.25"), line.peRvu());
        assertEquals(new BigDecimal("273.22"), line.expectedAllowed());
        assertEquals(1, line.mueValue());
        assertEquals(2, line.mai());
        assertEquals("000", line.globalDays());
        assertEquals("A", line.statusCode());
    }

    @Test
    void ambulatorySurgicalCenterIsAFacilitySetting() {
        DecisionLine line = scrubber.judge(claim("C1").pos("24").line("62323", 2, "76")).lines().get(0);

        assertEquals("FACILITY", line.rateSetting());
        assertEquals(new BigDecimal("0.74"), line.peRvu());
        assertEquals(new BigDecimal("178.36"), line.expectedAllowed(), "contracts §3: 2.67 x 33.4009 x 2, no multiple-procedure adjustment");
        assertEquals(new BigDecimal("133.77"), line.adjustedAllowed(), "89.18 x 1.5: the second unit at 50% (multiple procedure indicator 2)");
    }

    /**
     * Contracts §3: expectedAllowed = RVUs x CF x units, rounded half-up to cents once (0.44 x 33.4009 x 3 = 44.089 -> 44.09);
     * the adjusted amount rounds one service first, as CMS does (14.70 x 3 = 44.10).
     */
    @Test
    void theExpectedAmountIsRoundedOnceOverItsUnits() {
        DecisionLine line = scrubber.judge(claim("C1").pos("11").diagnoses("I10").line("96372", 3)).lines().get(0);

        assertEquals(new BigDecimal("44.09"), line.expectedAllowed());
        assertEquals(new BigDecimal("14.70"), line.feeScheduleAmount());
        assertEquals(new BigDecimal("44.10"), line.adjustedAllowed());
    }

    @Test
    void linePlaceOfServiceOverridesTheClaims() {
        DecisionLine line = scrubber.judge(claim("C1").pos("11").line(new org.claimscrubber.claim.Line(1, "62323", List.of(), 1,
                org.claimscrubber.ClaimFixture.DAY, List.of(1), null, null, "22"))).lines().get(0);

        assertEquals("FACILITY", line.rateSetting());
    }

    @Test
    void professionalComponentIsPricedFromTheModifierRow() {
        DecisionLine line = scrubber.judge(claim("C1").pos("22").diagnoses("M54.50").line("72148", "26")).lines().get(0);

        assertEquals(new BigDecimal("0.55"), line.peRvu());
        assertEquals(new BigDecimal("70.14"), line.expectedAllowed());
    }

    @Test
    void expectedAllowedIsNullWhereTheSettingIsNotApplicable() {
        DecisionLine line = scrubber.judge(claim("C1").pos("22").diagnoses("J06.9").line("96372")).lines().get(0);

        assertNull(line.expectedAllowed());
    }

    @Test
    void statusIAndAbsentCodesAreUnknownAndNotEnriched() {
        Decision d = scrubber.judge(claim("C1").diagnoses("M54.50").line("99213").line("97014").line("62311"));

        assertEquals(List.of(2, 3), findings(d, "UNKNOWN_CODE").stream().map(f -> f.lineNumbers().get(0)).toList());
        assertEquals("CO-181", findings(d, "UNKNOWN_CODE").get(0).carc());
        assertEquals(List.of(1), d.lines().stream().map(DecisionLine::lineNumber).toList());
    }

    @Test
    void releaseInForceIsTheLatestOnOrBeforeTheDateWithNoFallBack() {
        String jan = TestReference.sampleText("PPRRVU2026_Jan_nonQPP.csv");
        ReferenceData ref = TestReference.files()
                .file("PPRRVU2026_Jan_nonQPP.csv", jan)
                .file("PPRRVU26_Apr.csv", jan.replaceAll("(?m)^62323,.*\\r\\n", "").replace("33.4009", "33.5000"))
                .load();

        Decision march = new Scrubber(ref).judge(claim("C1").on("2026-03-31").line("62323"));
        Decision april = new Scrubber(ref).judge(claim("C1").on("2026-04-01").line("62323"));
        Decision before = new Scrubber(ref).judge(claim("C1").on("2025-12-31").line("62323"));

        assertEquals(Disposition.ACCEPTED, march.disposition());
        assertEquals(List.of("UNKNOWN_CODE"), edits(april));
        assertEquals(List.of("UNKNOWN_CODE"), edits(before));
        assertEquals("2026-01-01", march.referenceVersions().get("rvu"));
    }

    @Test
    void twentySixAndTcNeedAProfessionalTechnicalSplit() {
        Decision d = scrubber.judge(claim("C1").line("62323", "26").on("2026-03-03").line("62323", "TC"));

        assertEquals(2, findings(d, "MODIFIER_INVALID").size());
        assertEquals("CO-4", findings(d, "MODIFIER_INVALID").get(0).carc());
        assertTrue(findings(d, "MODIFIER_INVALID").get(0).message().contains("PC/TC indicator is 0"));
    }

    @Test
    void twentySixAndTcAreFineOnADiagnosticTest() {
        Decision d = scrubber.judge(claim("C1").diagnoses("M54.50").line("72148", "26").on("2026-03-03").line("72148", "TC"));

        assertEquals(List.of(), findings(d, "MODIFIER_INVALID"));
    }

    @Test
    void fiftyNeedsBilateralIndicatorOneOrThree() {
        Decision interlaminar = scrubber.judge(claim("C1").line("62323", "50"));
        Decision transforaminal = scrubber.judge(claim("C2").on("2026-05-01").line("64483", "50"));

        assertEquals(1, findings(interlaminar, "MODIFIER_INVALID").size());
        assertEquals(1, findings(interlaminar, "NOT_COVERED").size());
        assertEquals(Disposition.ACCEPTED, transforaminal.disposition());
    }

    @Test
    void twentyFiveBelongsOnEvaluationAndManagementCodes() {
        Decision d = scrubber.judge(claim("C1").line("62323", "25").on("2026-03-05").line("99499", "25"));

        assertEquals(List.of(1), findings(d, "MODIFIER_INVALID").get(0).lineNumbers());
        assertEquals(1, findings(d, "MODIFIER_INVALID").size());
    }

    @Test
    void twentySixCheckIsSkippedWhereTheCodeIsUnknownButTwentyFiveIsNot() {
        Decision d = scrubber.judge(claim("C1").line("62311", "26", "25"));

        assertEquals(List.of("UNKNOWN_CODE", "MODIFIER_INVALID"), edits(d));
        assertTrue(d.findings().get(1).message().contains("modifier 25"));
    }

    @Test
    void rightAndLeftLinesOfABilateralCodeShouldBeOneFiftyLine() {
        Decision d = scrubber.judge(claim("C1").pos("24").line("64483", "50").line("64484", "RT").line("64484", "LT"));

        List<Finding> f = findings(d, "MODIFIER_INVALID");
        assertEquals(1, f.size(), f::toString);
        assertEquals(List.of(2, 3), f.get(0).lineNumbers());
        assertEquals("CO-4", f.get(0).carc());
        assertTrue(f.get(0).message().contains("report 64484-50 x 1"), f.get(0).message());
    }

    @Test
    void unevenSidesKeepTheRemainderOnItsSide() {
        Decision d = scrubber.judge(claim("C1").pos("24").line("64483", "LT").line("64483", 2, "RT"));

        assertTrue(findings(d, "MODIFIER_INVALID").get(0).message().contains("report 64483-50 x 1 and 64483-RT x 1"),
                findings(d, "MODIFIER_INVALID").toString());
    }

    @Test
    void oneSideOnlyOrSidesOnOtherDatesOrCodesWithoutBilateralIndicatorOneAreFine() {
        Decision oneSide = scrubber.judge(claim("C1").pos("24").line("64483", "RT").line("64484", "RT"));
        Decision twoDates = scrubber.judge(claim("C2").pos("24").diagnoses("M17.11").line("20610", "RT").on("2026-02-20").line("20610", "LT"));
        Decision notBilateral = scrubber.judge(claim("C3").pos("11").diagnoses("M54.50").on("2026-02-10").line("72100", "RT").line("72100", "LT"));

        assertEquals(List.of(), findings(oneSide, "MODIFIER_INVALID"));
        assertEquals(List.of(), findings(twoDates, "MODIFIER_INVALID"));
        assertEquals(List.of(), findings(notBilateral, "MODIFIER_INVALID"));
    }
}
