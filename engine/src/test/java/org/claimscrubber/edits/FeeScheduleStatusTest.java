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
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.DecisionLine;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.decision.Severity;
import org.junit.jupiter.api.Test;

/** Contracts §4a rules 5 and 6: codes outside the fee schedule, and what each PPRRVU status code means for a line. */
class FeeScheduleStatusTest {
    private final Scrubber scrubber = Scrubber.sample();

    private static DecisionLine line(Decision d, int number) {
        return d.lines().stream().filter(l -> l.lineNumber() == number).findFirst().orElseThrow();
    }

    @Test
    void aDrugWithAnEpiduralIsAcceptedAndNotPricedByTheFeeSchedule() {
        Decision d = scrubber.judge(claim("C1").line("62323").line("J1040"));

        assertEquals(Disposition.ACCEPTED, d.disposition(), () -> d.findings().toString());
        assertEquals("PFS", line(d, 1).pricing());
        assertEquals(new BigDecimal("273.22"), line(d, 1).expectedAllowed());
        assertEquals("NOT_PFS", line(d, 2).pricing());
        assertNull(line(d, 2).expectedAllowed());
        assertEquals("E", line(d, 2).statusCode());
    }

    @Test
    void statutoryExclusionsSuchAsLabsAreAcceptedWithoutAFeeScheduleAmount() {
        Decision d = scrubber.judge(claim("C1").diagnoses("Z00.00").line("99213").line("80053").line("36415"));

        assertEquals(Disposition.ACCEPTED, d.disposition());
        for (int n : new int[] {2, 3}) {
            assertEquals("NOT_PFS", line(d, n).pricing());
            assertNull(line(d, n).expectedAllowed(), "never 0.00 for an unpriced code");
        }
    }

    @Test
    void aCodeInNoLoadedCodeSetIsStillUnknown() {
        Decision d = scrubber.judge(claim("C1").line("62323").line("62311"));

        assertEquals(List.of("UNKNOWN_CODE"), edits(d));
        assertEquals(List.of(1), d.lines().stream().map(DecisionLine::lineNumber).toList());
    }

    @Test
    void bundledSupplyIsDeniedAsBundled() {
        Decision d = scrubber.judge(claim("C1").line("62323").line("A4550"));

        Finding f = findings(d, "STATUS_NOT_PAYABLE").get(0);
        assertEquals(List.of(2), f.lineNumbers());
        assertEquals(Severity.DENY, f.severity());
        assertEquals("CO-97", f.carc());
        assertTrue(f.message().contains("status B"), f.message());
        assertEquals("NOT_PAYABLE", line(d, 2).pricing());
        assertNull(line(d, 2).expectedAllowed());
    }

    @Test
    void nonCoveredServiceIsDeniedAsNotCovered() {
        Decision d = scrubber.judge(claim("C1").diagnoses("Z00.00").line("99385"));

        Finding f = findings(d, "STATUS_NOT_PAYABLE").get(0);
        assertEquals(Severity.DENY, f.severity());
        assertEquals("CO-96", f.carc());
        assertNull(line(d, 1).expectedAllowed(), "the file's RVUs for a status-N code are not a Medicare amount");
    }

    @Test
    void bundledOrExcludedSupplyIsDeniedAsBundled() {
        Decision d = scrubber.judge(claim("C1").diagnoses("E11.9").line("99213").line("A4211"));

        assertEquals(List.of("STATUS_NOT_PAYABLE"), edits(d));
        assertEquals("CO-97", d.findings().get(0).carc());
    }

    @Test
    void carrierPricedCodeIsQuestionedAndHasNoNationalAmount() {
        Decision d = scrubber.judge(claim("C1").diagnoses("E11.9").line("99499"));

        Finding f = findings(d, "STATUS_NOT_PAYABLE").get(0);
        assertEquals(Severity.REVIEW, f.severity());
        assertNull(f.carc());
        assertEquals(Disposition.FLAGGED, d.disposition());
        assertEquals("CARRIER_PRICED", line(d, 1).pricing());
        assertNull(line(d, 1).expectedAllowed());
    }

    @Test
    void restrictedCoverageCodeIsQuestioned() {
        Decision d = scrubber.judge(claim("C1").diagnoses("M48.062").pos("24").line("0275T"));

        Finding f = findings(d, "STATUS_NOT_PAYABLE").get(0);
        assertEquals(Severity.REVIEW, f.severity());
        assertTrue(f.message().contains("status R"), f.message());
        assertEquals("CARRIER_PRICED", line(d, 1).pricing(), "an R code without RVUs is contractor priced");
        assertNull(line(d, 1).expectedAllowed());
    }

    @Test
    void injectionStatusCodeIsDeniedWhenAnotherPayableServiceIsOnTheSameDate() {
        Decision d = scrubber.judge(claim("C1").diagnoses("J06.9").line("99213").line("94760"));

        Finding f = findings(d, "STATUS_NOT_PAYABLE").get(0);
        assertEquals(List.of(2), f.lineNumbers());
        assertEquals(List.of(1), f.relatedLineNumbers());
        assertEquals("CO-97", f.carc());
        assertEquals(Severity.DENY, f.severity());
    }

    @Test
    void injectionStatusCodeAloneIsAccepted() {
        Decision d = scrubber.judge(claim("C1").diagnoses("J06.9").line("94760"));

        assertEquals(Disposition.ACCEPTED, d.disposition(), () -> d.findings().toString());
        assertEquals("PFS", line(d, 1).pricing());
        assertEquals(new BigDecimal("3.67"), line(d, 1).expectedAllowed());
    }

    @Test
    void injectionStatusCodeCountsTheSameProvidersAcceptedServicesOfThatDate() {
        scrubber.judge(claim("C1").diagnoses("J06.9").line("99213"));
        Decision sameProvider = scrubber.judge(claim("C2").diagnoses("J06.9").line("94760"));
        Decision otherProvider = scrubber.judge(claim("C3").diagnoses("J06.9").provider("1003000134").line("94760"));
        Decision otherDate = scrubber.judge(claim("C4").diagnoses("J06.9").on("2026-02-23").line("94760"));

        assertEquals(List.of("C1"), findings(sameProvider, "STATUS_NOT_PAYABLE").get(0).relatedClaimIds());
        assertEquals(Disposition.ACCEPTED, otherProvider.disposition());
        assertEquals(Disposition.ACCEPTED, otherDate.disposition());
    }

    @Test
    void servicesThatAreNotPayableDoNotMakeAnInjectionStatusCodeBundled() {
        Decision d = scrubber.judge(claim("C1").diagnoses("J06.9").line("94760").line("80053").line("94760", "76"));

        assertEquals(List.of(), findings(d, "STATUS_NOT_PAYABLE"));
    }

    @Test
    void statusIStaysAnUnknownCode() {
        Decision d = scrubber.judge(claim("C1").diagnoses("M54.50").line("97014"));

        assertEquals(List.of("UNKNOWN_CODE"), edits(d));
        assertEquals(List.of(), d.lines());
    }

    @Test
    void theComponentRowsStatusDecidesWhereItDiffersFromTheGlobalRow() {
        String jan = org.claimscrubber.TestReference.sampleText("PPRRVU2026_Jan_nonQPP.csv");
        var ref = org.claimscrubber.TestReference.files()
                .file("PPRRVU2026_Jan_nonQPP.csv", jan.replaceFirst("(?m)^72148,,(\"[^\"]*\"|[^,]*),A,", "72148,,$1,C,"))
                .load();

        Decision d = new Scrubber(ref).judge(claim("C1").pos("22").diagnoses("M54.50").line("72148", "26").line("72148"));

        assertEquals(List.of(2), findings(d, "STATUS_NOT_PAYABLE").get(0).lineNumbers());
        assertEquals("PFS", line(d, 1).pricing());
        assertEquals("CARRIER_PRICED", line(d, 2).pricing());
    }
}
