package org.claimscrubber.edits;

import static org.claimscrubber.ClaimFixture.claim;
import static org.claimscrubber.Scrubber.edits;
import static org.claimscrubber.Scrubber.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.claimscrubber.ClaimFixture;
import org.claimscrubber.Scrubber;
import org.claimscrubber.TestReference;
import org.claimscrubber.claim.Line;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.policy.Policies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyEditsTest {
    private final Scrubber scrubber = Scrubber.sample();

    /** Judges setup claims, each of which must be accepted: a test about history proves nothing if its history was refused. */
    private void accepted(ClaimFixture... claims) {
        for (ClaimFixture c : claims) {
            Decision d = scrubber.judge(c);
            assertEquals(Disposition.ACCEPTED, d.disposition(), () -> "setup claim " + d.claimId() + " was not accepted: " + edits(d));
        }
    }

    /** One accepted claim {@code C<day>} with one line of {@code code} on each day. */
    private void acceptedSessions(String code, String... days) {
        for (String day : days) {
            accepted(claim("C" + day).on(day).line(code));
        }
    }

    @Test
    void diagnosisOutsideTheCoveredListIsDenied() {
        Decision d = scrubber.judge(claim("C1").diagnoses("J06.9").line("62323"));

        Finding f = findings(d, "DIAGNOSIS_NOT_COVERED").get(0);
        assertEquals(List.of(1), f.lineNumbers());
        assertEquals("CO-50", f.carc());
        assertTrue(f.reference().contains("L39240"));
    }

    @Test
    void diagnosesMatchWithOrWithoutTheDotAndByFamily() {
        assertEquals(Disposition.ACCEPTED, scrubber.judge(claim("C1").diagnoses("M54.16").line("62323")).disposition());
        assertEquals(Disposition.ACCEPTED, scrubber.judge(claim("C2").on("2026-04-01").diagnoses("B02.29").line("62323")).disposition());
        assertEquals(Disposition.ACCEPTED, scrubber.judge(claim("C3").on("2026-05-01").diagnoses("M50.121").line("62321")).disposition());
    }

    @Test
    void onlyThePointedDiagnosesCount() {
        Decision d = scrubber.judge(claim("C1").diagnoses("J06.9", "M54.16").line("62323"));

        assertEquals(List.of("DIAGNOSIS_NOT_COVERED"), edits(d));
    }

    @Test
    void cervicalDiagnosisDoesNotCoverALumbarCode() {
        assertEquals(List.of("DIAGNOSIS_NOT_COVERED"), edits(scrubber.judge(claim("C1").diagnoses("M54.12").line("62323"))));
    }

    @Test
    void injectionWithoutImagingIsNotCoveredAndNotAlsoADiagnosisProblem() {
        Decision d = scrubber.judge(claim("C1").diagnoses("J06.9").line("62322"));

        assertEquals(List.of("NOT_COVERED"), edits(d));
        assertTrue(d.findings().get(0).message().contains("image guidance"));
    }

    @Test
    void bilateralInterlaminarIsNotCovered() {
        assertTrue(edits(scrubber.judge(claim("C1").line("62323", "50"))).contains("NOT_COVERED"));
    }

    @Test
    void moreThanTwoTransforaminalLevelsInOneSession() {
        Decision d = scrubber.judge(claim("C1").pos("24").line("64483").line("64484", 2));

        Finding f = findings(d, "SESSION_LIMIT").get(0);
        assertEquals(List.of(1, 2), f.lineNumbers());
        assertEquals("CO-151", f.carc());
        assertTrue(f.message().contains("3 transforaminal levels"), f.message());
    }

    @Test
    void twoTransforaminalLevelsAreAllowed() {
        assertEquals(Disposition.ACCEPTED, scrubber.judge(claim("C1").line("64483").line("64484")).disposition());
    }

    @Test
    void transforaminalLevelsAreTheBusierSideABilateralLineCountingOnBoth() {
        Decision d = scrubber.judge(claim("C1").pos("24").line("64483", "50").line("64484", "RT").line("64484", "LT"));

        assertEquals(List.of(), findings(d, "SESSION_LIMIT"));
    }

    @Test
    void threeLevelsOnOneSideAreStillTooMany() {
        Decision d = scrubber.judge(claim("C1").pos("24").line("64483", "50").line("64484", "50").line("64484", "RT"));

        assertTrue(findings(d, "SESSION_LIMIT").get(0).message().contains("3 transforaminal levels"));
    }

    @Test
    void sidesAreCountedOverTheDaysAcceptedClaimsToo() {
        assertEquals(Disposition.ACCEPTED, scrubber.judge(claim("C1").provider("1111111112").line("64483", "RT").line("64484", "RT"))
                .disposition());

        Decision left = scrubber.judge(claim("C2").provider("2222222228").line("64483", "LT").line("64484", "LT"));
        Decision third = scrubber.judge(claim("C3").provider("1999999992").line("64484", "RT"));

        assertEquals(List.of(), findings(left, "SESSION_LIMIT"));
        assertEquals(List.of("C1", "C2"), findings(third, "SESSION_LIMIT").get(0).relatedClaimIds());
    }

    @Test
    void frequencyWindowIsTwelveCalendarMonthsAcrossALeapDay() {
        Scrubber early = new Scrubber(TestReference.files().sampleAs("PPRRVU2026_Jan_nonQPP.csv", "PPRRVU2024_Jan_nonQPP.csv").load(),
                Policies.loadDefault(), Clock.fixed(Instant.parse("2025-01-20T10:00:00Z"), ZoneOffset.UTC));
        for (String day : List.of("2024-01-01", "2024-03-01", "2024-05-01", "2024-07-01")) {
            assertEquals(Disposition.ACCEPTED, early.judge(claim("C" + day).on(day).line("62323")).disposition());
        }

        Decision lastDayOfTheYear = early.judge(claim("X").on("2024-12-31").line("62323"));
        Decision nextDay = early.judge(claim("Y").on("2025-01-01").line("62323"));

        assertEquals(List.of("FREQUENCY_LIMIT"), edits(lastDayOfTheYear));
        assertTrue(lastDayOfTheYear.findings().get(0).message().contains("between 2024-01-01 and 2024-12-31"),
                lastDayOfTheYear.findings().get(0).message());
        assertEquals(Disposition.ACCEPTED, nextDay.disposition());
    }

    @ParameterizedTest(name = "{0} covers {1}")
    @CsvSource({
        "M47.26, 62323", "M47.27, 64483", "M47.28, 62323", "M48.07, 64483", "G96.12, 62323", "M54.15, 62323",
        "M51.17, 64483", "M96.1, 62323", "M48.05, 64483", "M48.05, 64479",
        "M47.22, 62321", "M47.24, 64479", "M48.03, 62321", "M48.04, 64479", "M51.14, 62321", "M54.15, 64479",
        "M50.121, 62321", "G96.12, 62321",
    })
    void diagnosesOfArticleA58993AreCovered(String diagnosis, String code) {
        Decision d = scrubber.judge(claim("C1").pos("24").diagnoses(diagnosis).line(code));

        assertEquals(List.of(), findings(d, "DIAGNOSIS_NOT_COVERED"));
    }

    @Test
    void oneRegionPerSession() {
        Decision d = scrubber.judge(claim("C1").diagnoses("M54.16").line("62323").line(
                new Line(2, "62321", List.of(), 1, LocalDate.of(2026, 3, 2), List.of(1), null, null, null)));

        assertTrue(findings(d, "SESSION_LIMIT").get(0).message().contains("more than one spinal region"));
    }

    @Test
    void sessionLimitsCountAcceptedLinesOfTheSameDateFromAnyProvider() {
        assertEquals(Disposition.ACCEPTED, scrubber.judge(claim("C1").provider("1111111112").line("64483").line("64484")).disposition());

        Decision d = scrubber.judge(claim("C2").provider("2222222228").line("64484"));

        Finding f = findings(d, "SESSION_LIMIT").get(0);
        assertEquals(List.of("C1"), f.relatedClaimIds());
    }

    @Test
    void fifthSessionInAYearIsDenied() {
        acceptedSessions("62323", "2026-01-10", "2026-03-10", "2026-05-10", "2026-07-10");

        Decision d = scrubber.judge(claim("C5").on("2026-09-10").line("62323"));

        Finding f = findings(d, "FREQUENCY_LIMIT").get(0);
        assertEquals(List.of(1), f.lineNumbers());
        assertEquals("CO-151", f.carc());
        assertEquals("N386", f.rarc());
        assertEquals(4, f.relatedClaimIds().size());
        assertTrue(f.message().contains("any 12-month window"), f.message());
    }

    @Test
    void windowOfTwelveMonthsHoldsTheDayAfterThatDateAYearEarlierThroughTheDay() {
        Scrubber withOctober2025 = new Scrubber(TestReference.files().sample("PPRRVU2026_Jan_nonQPP.csv")
                .sampleAs("PPRRVU2026_Jan_nonQPP.csv", "PPRRVU2025_Oct_nonQPP.csv").load(), Policies.loadDefault(), Scrubber.FIXED);
        for (String day : List.of("2025-10-10", "2025-12-10", "2026-02-10", "2026-04-10")) {
            assertEquals(Disposition.ACCEPTED, withOctober2025.judge(claim("C" + day).on(day).line("62323")).disposition());
        }

        assertEquals(List.of("FREQUENCY_LIMIT"), edits(withOctober2025.judge(claim("X").on("2026-10-09").line("62323"))));
        assertEquals(Disposition.ACCEPTED, withOctober2025.judge(claim("Y").on("2026-10-10").line("62323")).disposition());
    }

    @Test
    void windowsLookBothWaysForClaimsArrivingOutOfOrder() {
        acceptedSessions("62323", "2026-02-10", "2026-04-10", "2026-06-10", "2026-08-10");

        assertEquals(List.of("FREQUENCY_LIMIT"), edits(scrubber.judge(claim("X").on("2026-01-05").line("62323"))));
    }

    @Test
    void regionsAreCountedSeparately() {
        acceptedSessions("62323", "2026-01-10", "2026-03-10", "2026-05-10", "2026-07-10");

        assertEquals(Disposition.ACCEPTED, scrubber.judge(claim("X").diagnoses("M54.12").on("2026-09-10").line("62321")).disposition());
    }

    @Test
    void aDateAlreadyInHistoryAddsNoNewSession() {
        acceptedSessions("64483", "2026-01-10", "2026-03-10", "2026-05-10", "2026-07-10");

        Decision d = scrubber.judge(claim("X").on("2026-07-10").line("64484"));

        assertEquals(Disposition.ACCEPTED, d.disposition());
    }

    @Test
    void frequencyCountsSessionsFromAnyProvider() {
        accepted(claim("C1").provider("1000000004").on("2026-01-10").line("62323"),
                claim("C2").provider("1000000012").on("2026-03-10").line("62323"),
                claim("C3").provider("1000000020").on("2026-05-10").line("62323"),
                claim("C4").provider("1000000038").on("2026-07-10").line("62323"));

        assertEquals(List.of("FREQUENCY_LIMIT"), edits(scrubber.judge(claim("X").provider("1999999992").on("2026-09-10").line("62323"))));
    }

    @Test
    void replacementIsJudgedWithoutTheClaimItReplaces() {
        acceptedSessions("62323", "2026-01-10", "2026-03-10", "2026-05-10", "2026-07-10");

        Decision moved = scrubber.judge(claim("R").replaces("C2026-07-10").on("2026-09-10").line("62323"));
        Decision fifth = scrubber.judge(claim("X").on("2026-11-10").line("62323"));

        assertEquals(Disposition.ACCEPTED, moved.disposition());
        assertEquals(List.of("FREQUENCY_LIMIT"), edits(fifth));
        assertTrue(fifth.findings().get(0).relatedClaimIds().contains("R"));
    }

    @Test
    void voidFreesASession() {
        acceptedSessions("62323", "2026-01-10", "2026-03-10", "2026-05-10", "2026-07-10");

        assertEquals(Disposition.VOIDED, scrubber.judge(claim("V").voids("C2026-05-10")).disposition());
        assertEquals(Disposition.ACCEPTED, scrubber.judge(claim("X").on("2026-09-10").line("62323")).disposition());
    }
}
