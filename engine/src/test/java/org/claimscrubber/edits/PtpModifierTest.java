package org.claimscrubber.edits;

import static org.claimscrubber.ClaimFixture.claim;
import static org.claimscrubber.Scrubber.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.claimscrubber.Scrubber;
import org.claimscrubber.TestReference;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.decision.Severity;
import org.claimscrubber.reference.ReferenceData;
import org.junit.jupiter.api.Test;

/** Contracts §4a rule 2 (an associated modifier bypasses a PTP edit only where it means something) and rule 10's PTP part. */
class PtpModifierTest {
    /** The sample plus a 090-day surgery code (63030) and pairs the sample lacks: 63030/99213, 99213/96372 and lab 80053/85025. */
    private static final ReferenceData REFERENCE = TestReference.files()
            .file("PPRRVU2026_Jan_nonQPP.csv", TestReference.sampleText("PPRRVU2026_Jan_nonQPP.csv")
                    + "63030,,\"Spine surgery, sample row\",A,,13.18,,NA,13.70,,4.41,,31.29,0,090,0.10,0.80,0.10,2,0,2,0,0,0,33.4009,09,,88,0.00,0.00,0.00\r\n")
            .sample("ccipra-v320r0-f1.txt").sample("ccipra-v320r0-f2.txt")
            .ptp("ccipra-v320r0-f3.txt",
                    "63030\t99213\t\t20170101\t*\t1\tStandards of medical/surgical practice",
                    "80053\t85025\t\t20170101\t*\t1\tMisuse of Column Two code with Column One code",
                    "99213\t96372\t\t20170101\t*\t1\tStandards of medical/surgical practice")
            .load();

    private final Scrubber scrubber = new Scrubber(REFERENCE);

    private static Finding ptp(Decision d) {
        List<Finding> ptp = d.findings().stream().filter(f -> f.edit().startsWith("NCCI_PTP")).toList();
        assertEquals(1, ptp.size(), () -> d.findings().toString());
        return ptp.get(0);
    }

    private static void assertDenied(Decision d) {
        Finding f = ptp(d);
        assertEquals("NCCI_PTP", f.edit(), f::toString);
        assertEquals(Severity.DENY, f.severity());
        assertEquals(Disposition.FLAGGED, d.disposition());
    }

    private static void assertBypassedBy(String modifier, Decision d) {
        Finding f = ptp(d);
        assertEquals("NCCI_PTP_BYPASSED", f.edit(), f::toString);
        assertTrue(f.message().contains("modifier " + modifier + " bypasses"), f.message());
    }

    @Test
    void twentyFiveOnTheEmLineBypassesAnEmEditOfAMinorProcedure() {
        assertBypassedBy("25", scrubber.judge(claim("C1").diagnoses("M79.18").line("20552").line("99213", "25")));
    }

    @Test
    void fiftyNineOrAnXModifierOnTheEmLineDoesNotBypassAnEmEdit() {
        assertDenied(scrubber.judge(claim("C1").diagnoses("M79.18").line("20552").line("99213", "59")));
        assertDenied(new Scrubber(REFERENCE).judge(claim("C1").diagnoses("M79.18").line("20552").line("99213", "XU")));
    }

    @Test
    void aModifierOnTheProcedureLineDoesNotBypassAnEmEdit() {
        assertDenied(scrubber.judge(claim("C1").diagnoses("M79.18").line("20552", "59").line("99213")));
        assertDenied(new Scrubber(REFERENCE).judge(claim("C1").diagnoses("M79.18").line("20552", "RT").line("99213", "LT")));
    }

    @Test
    void aNinetyDayProcedureNeedsFiftySevenNotTwentyFiveOnTheEm() {
        assertDenied(scrubber.judge(claim("C1").line("63030").line("99213", "25")));
        assertBypassedBy("57", new Scrubber(REFERENCE).judge(claim("C1").line("63030").line("99213", "57")));
    }

    @Test
    void fiftySevenDoesNotBypassTheEmEditOfAMinorProcedure() {
        assertDenied(scrubber.judge(claim("C1").diagnoses("M79.18").line("20552").line("99213", "57")));
    }

    @Test
    void fiftyNineBypassesOnlyOnTheNonEmLineOfAPair() {
        assertDenied(scrubber.judge(claim("C1").line("99213", "59").line("96372")));
        assertBypassedBy("59", new Scrubber(REFERENCE).judge(claim("C1").line("99213").line("96372", "59")));
    }

    @Test
    void fiftyNineOnTheColumnOneLineBypassesFromJuly2019OnlyBeforeThatItBelongsOnColumnTwo() {
        ReferenceData ref2019 = TestReference.files().sampleAs("PPRRVU2026_Jan_nonQPP.csv", "PPRRVU2019_Jan_nonQPP.csv")
                .sample("ccipra-v320r0-f1.txt").load();

        assertDenied(new Scrubber(ref2019).judge(claim("C1").on("2019-06-28").line("62323", "59").line("96372")));
        assertBypassedBy("59", new Scrubber(ref2019).judge(claim("C1").on("2019-06-28").line("62323").line("96372", "59")));
        assertBypassedBy("59", new Scrubber(ref2019).judge(claim("C1").on("2019-07-01").line("62323", "59").line("96372")));
    }

    @Test
    void anAnatomicModifierOnOneLineOnlyDoesNotBypass() {
        assertDenied(scrubber.judge(claim("C1").diagnoses("M17.11").line("20610", "RT").line("96372")));
    }

    @Test
    void theSameAnatomicModifierOnBothLinesDoesNotBypass() {
        assertDenied(scrubber.judge(claim("C1").diagnoses("M17.11").line("20610", "RT").line("20552", "RT")));
    }

    @Test
    void differentAnatomicModifiersOnBothLinesBypassAndTheColumnTwoOneIsNamed() {
        assertBypassedBy("LT", scrubber.judge(claim("C1").diagnoses("M17.11").line("20610", "RT").line("20552", "LT")));
        assertBypassedBy("F2", new Scrubber(REFERENCE).judge(claim("C1").diagnoses("M17.11").line("20610", "F1").line("20552", "F2")));
    }

    @Test
    void ninetyOneBypassesOnlyAPairOfClinicalLabCodes() {
        assertBypassedBy("91", scrubber.judge(claim("C1").diagnoses("E11.9").line("80053").line("85025", "91")));
        assertDenied(new Scrubber(REFERENCE).judge(claim("C1").line("62323").line("96372", "91")));
    }

    @Test
    void twentySevenNeverBypasses() {
        assertDenied(scrubber.judge(claim("C1").line("62323").line("96372", "27")));
    }

    @Test
    void globalPeriodModifiersFlagThePairForReviewInsteadOfDenying() {
        for (String modifier : List.of("24", "58", "78", "79")) {
            Decision d = new Scrubber(REFERENCE).judge(claim("C1").line("62323", modifier).line("96372"));

            Finding f = ptp(d);
            assertEquals("NCCI_PTP", f.edit());
            assertEquals(Severity.REVIEW, f.severity(), modifier);
            assertEquals("CO-236", f.carc());
            assertEquals(List.of(2), f.lineNumbers());
            assertTrue(f.message().contains("modifier " + modifier), f.message());
            assertEquals(Disposition.FLAGGED, d.disposition());
        }
    }

    @Test
    void aMeaningfulModifierStillBypassesBesideAGlobalPeriodModifier() {
        assertBypassedBy("XS", scrubber.judge(claim("C1").line("62323", "79").line("96372", "XS")));
    }

    @Test
    void theFindingNamesTheModifierThatActuallyBypassed() {
        assertBypassedBy("XU", scrubber.judge(claim("C1").line("62323").line("96372", "RT", "XU")));
    }

    @Test
    void indicatorZeroStaysADenialWhateverTheModifier() {
        assertDenied(scrubber.judge(claim("C1").line("62323", "79").line("77003", "XS")));
    }

    @Test
    void aColumnTwoLineOnAnEarlierClaimIsJudgedWithTheSameRules() {
        assertEquals(Disposition.ACCEPTED, scrubber.judge(claim("C1").diagnoses("M25.561").line("20610", "LT")).disposition());

        assertDenied(scrubber.judge(claim("C2").diagnoses("M25.561").line("96372")));
    }

    @Test
    void columnOneArrivingAfterItsAcceptedColumnTwoPartnerIsFlaggedForReview() {
        assertEquals(Disposition.ACCEPTED, scrubber.judge(claim("C1").line("77003")).disposition());

        Decision d = scrubber.judge(claim("C2").line("62323"));

        Finding f = ptp(d);
        assertEquals("NCCI_PTP", f.edit());
        assertEquals(Severity.REVIEW, f.severity());
        assertEquals(List.of(1), f.lineNumbers());
        assertEquals(List.of(), f.relatedLineNumbers());
        assertEquals(List.of("C1"), f.relatedClaimIds());
        assertTrue(f.message().contains("C1"), f.message());
        assertEquals(Disposition.FLAGGED, d.disposition());
    }

    @Test
    void columnOneArrivingAfterABypassedColumnTwoPartnerIsOnlyNoted() {
        assertEquals(Disposition.ACCEPTED, scrubber.judge(claim("C1").line("96372", "XS")).disposition());

        Decision d = scrubber.judge(claim("C2").line("62323"));

        assertBypassedBy("XS", d);
        assertEquals(List.of("C1"), ptp(d).relatedClaimIds());
        assertFalse(ptp(d).message().contains("needs review"), ptp(d).message());
        assertEquals(Disposition.ACCEPTED, d.disposition());
    }

    @Test
    void columnOneOnAnotherDateOrProviderThanTheAcceptedColumnTwoRaisesNothing() {
        assertEquals(Disposition.ACCEPTED, scrubber.judge(claim("C1").line("77003")).disposition());

        assertEquals(Disposition.ACCEPTED, scrubber.judge(claim("C2").on("2026-03-01").line("62323")).disposition());
        assertTrue(findings(scrubber.judge(claim("C3").provider("1999999999").line("62323")), "NCCI_PTP").isEmpty());
    }
}
