package org.claimscrubber.edits;

import static org.claimscrubber.ClaimFixture.claim;
import static org.claimscrubber.Scrubber.edits;
import static org.claimscrubber.Scrubber.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.claimscrubber.Scrubber;
import org.claimscrubber.TestReference;
import org.claimscrubber.claim.Line;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.reference.ReferenceData;
import org.junit.jupiter.api.Test;

class PtpEditTest {
    private final Scrubber scrubber = Scrubber.sample();

    @Test
    void deniesColumnTwoLineWhenIndicatorIsZero() {
        Decision d = scrubber.judge(claim("C1").line("62323").line("77003", "59"));

        assertEquals(Disposition.FLAGGED, d.disposition());
        Finding f = findings(d, "NCCI_PTP").get(0);
        assertEquals(List.of(2), f.lineNumbers());
        assertEquals(List.of(1), f.relatedLineNumbers());
        assertEquals("CO-236", f.carc());
        assertEquals("NCCI PTP 62323/77003, effective 2017-01-01, modifier indicator 0, ccipra-v320r0", f.reference());
        assertTrue(f.message().contains("no modifier can bypass"), f.message());
    }

    @Test
    void deniesIndicatorOneWithoutAssociatedModifier() {
        Decision d = scrubber.judge(claim("C1").diagnoses("M79.18").line("20552").line("99213"));

        assertEquals(List.of("NCCI_PTP"), edits(d));
        assertEquals(List.of(2), d.findings().get(0).lineNumbers());
    }

    @Test
    void bypassWithModifierOnColumnTwoLineIsInformational() {
        Decision d = scrubber.judge(claim("C1").diagnoses("M79.18").line("20552").line("99213", "25"));

        assertEquals(Disposition.ACCEPTED, d.disposition());
        assertEquals(List.of("NCCI_PTP_BYPASSED"), edits(d));
        assertEquals(null, d.findings().get(0).carc());
    }

    @Test
    void bypassWithModifierOnColumnOneLine() {
        Decision d = scrubber.judge(claim("C1").diagnoses("M17.11").line("20610", "XS").line("96372"));

        assertEquals(Disposition.ACCEPTED, d.disposition());
        assertEquals(List.of("NCCI_PTP_BYPASSED"), edits(d));
    }

    @Test
    void modifierFiftyIsNotABypass() {
        Decision d = scrubber.judge(claim("C1").diagnoses("M17.11").line("20610", "50").line("96372"));

        assertEquals(List.of("NCCI_PTP"), edits(d));
    }

    @Test
    void differentProviderOrDateIsNotAPair() {
        Decision otherDay = scrubber.judge(claim("C1").line("62323").on("2026-03-03").line("77003"));
        Decision otherProvider = scrubber.judge(claim("C2").on("2026-04-01").line("62323")
                .line(new Line(2, "77003", List.of(), 1, LocalDate.parse("2026-04-01"), List.of(1), null, "1999999992", null)));

        // 77003 alone is still an add-on code without its primary (ADD_ON_CODE); no PTP pair is formed.
        assertEquals(List.of("ADD_ON_CODE"), Scrubber.edits(otherDay));
        assertEquals(List.of("ADD_ON_CODE"), Scrubber.edits(otherProvider));
    }

    @Test
    void deniesColumnTwoAgainstColumnOneOnEarlierAcceptedClaim() {
        assertEquals(Disposition.ACCEPTED, scrubber.judge(claim("C1").line("62323")).disposition());

        Decision d = scrubber.judge(claim("C2").line("77003"));

        Finding f = findings(d, "NCCI_PTP").get(0);
        assertEquals(List.of(1), f.lineNumbers());
        assertEquals(List.of(), f.relatedLineNumbers());
        assertEquals(List.of("C1"), f.relatedClaimIds());
    }

    @Test
    void rowInForceOnItsDeletionDateButNotTheDayAfter() {
        ReferenceData ref = TestReference.files().sample("PPRRVU2026_Jan_nonQPP.csv")
                .ptp("ccipra-v320r0-f1.txt", "62323\t77003\t\t20170101\t20260302\t0\tCPT Manual or CMS manual coding instruction")
                .load();

        Decision onDeletion = new Scrubber(ref).judge(claim("C1").on("2026-03-02").line("62323").line("77003"));
        Decision after = new Scrubber(ref).judge(claim("C1").on("2026-03-03").line("62323").line("77003"));

        assertEquals(List.of("NCCI_PTP"), edits(onDeletion));
        assertEquals(Disposition.ACCEPTED, after.disposition());
    }

    @Test
    void rowNotInForceBeforeItsEffectiveDate() {
        ReferenceData ref = TestReference.files().sample("PPRRVU2026_Jan_nonQPP.csv")
                .ptp("ccipra-v320r0-f1.txt", "62323\t77003\t\t20260303\t*\t0\tCPT Manual or CMS manual coding instruction")
                .load();

        assertEquals(Disposition.ACCEPTED, new Scrubber(ref).judge(claim("C1").on("2026-03-02").line("62323").line("77003")).disposition());
        assertEquals(List.of("NCCI_PTP"), edits(new Scrubber(ref).judge(claim("C1").on("2026-03-03").line("62323").line("77003"))));
    }

    @Test
    void indicatorNineRowIsNeverInForce() {
        ReferenceData ref = TestReference.files().sample("PPRRVU2026_Jan_nonQPP.csv")
                .ptp("ccipra-v320r0-f1.txt", "62323\t77003\t\t20260101\t*\t9\tCPT Manual or CMS manual coding instruction")
                .load();

        assertEquals(Disposition.ACCEPTED, new Scrubber(ref).judge(claim("C1").line("62323").line("77003")).disposition());
    }

    @Test
    void anyRowInForceWithIndicatorZeroMakesThePairUnbypassableWhateverTheFileOrder() {
        ReferenceData ref = TestReference.files().sample("PPRRVU2026_Jan_nonQPP.csv")
                .ptp("ccipra-v320r0-f1.txt",
                        "62323\t77003\t\t20200101\t*\t1\tMisuse of Column Two code with Column One code",
                        "62323\t77003\t\t20170101\t*\t0\tCPT Manual or CMS manual coding instruction")
                .load();

        Decision d = new Scrubber(ref).judge(claim("C1").line("62323", "59").line("77003", "XS"));

        assertEquals(List.of("NCCI_PTP"), edits(d));
        assertTrue(d.findings().get(0).reference().contains("modifier indicator 0"));
    }

    @Test
    void deletedRowAndLiveRowAreChosenByDateOfService() {
        ReferenceData ref = TestReference.files().sample("PPRRVU2026_Jan_nonQPP.csv")
                .ptp("ccipra-v320r0-f1.txt",
                        "62323\t77003\t\t20170101\t20251231\t0\tCPT Manual or CMS manual coding instruction",
                        "62323\t77003\t\t20260101\t*\t1\tMisuse of Column Two code with Column One code")
                .load();

        Decision d = new Scrubber(ref).judge(claim("C1").line("62323").line("77003", "59"));

        assertEquals(List.of("NCCI_PTP_BYPASSED"), edits(d));
        assertTrue(d.findings().get(0).reference().contains("effective 2026-01-01"));
    }

    @Test
    void identicalRowsInTwoQuarterlyFilesCountOnceAndCiteTheNewestFile() {
        String row = "62323\t77003\t\t20170101\t*\t0\tCPT Manual or CMS manual coding instruction";
        ReferenceData ref = TestReference.files().sample("PPRRVU2026_Jan_nonQPP.csv")
                .ptp("ccipra-v321r0-f1.txt", row).ptp("ccipra-v320r0-f1.txt", row).load();

        Decision d = new Scrubber(ref).judge(claim("C1").line("62323").line("77003"));

        assertEquals(1, ref.ptp().size());
        assertEquals(1, d.findings().size());
        assertTrue(d.findings().get(0).reference().endsWith("ccipra-v321r0"));
    }
}
