package org.claimscrubber.edits;

import static org.claimscrubber.ClaimFixture.claim;
import static org.claimscrubber.Scrubber.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.claimscrubber.Scrubber;
import org.claimscrubber.claim.Line;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.policy.Policies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** §4a rule 11: a line filed more than the policy file's months after its date of service is TIMELY_FILING, CO-29. */
class TimelyFilingTest {
    private final Scrubber scrubber = Scrubber.sample();

    @TempDir
    Path dir;

    @Test
    void aLineFiledMoreThanTwelveMonthsAfterItsServiceIsDenied() {
        Decision d = scrubber.judge(claim("C1").diagnoses("M54.50").on("2025-03-02").line("99213")
                .submitted("2026-03-03T09:00:00Z"));

        Finding f = findings(d, "TIMELY_FILING").get(0);
        assertEquals("DENY", f.severity().name());
        assertEquals("CO-29", f.carc());
        assertEquals(List.of(1), f.lineNumbers());
        assertTrue(f.message().contains("2025-03-02") && f.message().contains("2026-03-03"), f.message());
    }

    @Test
    void twelveMonthsToTheDayIsStillInTime() {
        Decision d = scrubber.judge(claim("C1").diagnoses("M54.50").on("2025-03-02").line("99213")
                .submitted("2026-03-02T23:59:00Z"));

        assertEquals(List.of(), findings(d, "TIMELY_FILING"));
    }

    @Test
    void onlyTheLateLinesOfAClaimAreDenied() {
        Decision d = scrubber.judge(claim("C1").diagnoses("M54.50").on("2025-03-01").line("99213").on("2025-03-05").line("72100")
                .submitted("2026-03-03T09:00:00Z"));

        assertEquals(List.of(1), findings(d, "TIMELY_FILING").get(0).lineNumbers());
        assertEquals(1, findings(d, "TIMELY_FILING").size());
    }

    @Test
    void withoutSubmittedAtTheProcessingDateCounts() {
        Decision late = scrubber.judge(claim("C1").diagnoses("M54.50").on("2025-12-02").line("99213").submitted(null));
        Decision inTime = scrubber.judge(claim("C2").diagnoses("M54.50").on("2025-12-03").line("99214").submitted(null));

        assertEquals(1, findings(late, "TIMELY_FILING").size());
        assertEquals(List.of(), findings(inTime, "TIMELY_FILING"));
    }

    @Test
    void aSubmittedAtAfterTheProcessingDateIsReadAsTheProcessingDate() {
        Decision d = scrubber.judge(claim("C1").diagnoses("M54.50").on("2026-01-15").line("99213").submitted("2031-01-01T00:00:00Z"));

        assertEquals(List.of(), findings(d, "TIMELY_FILING"));
    }

    @Test
    void theWindowComesFromThePolicyFile() throws IOException {
        Path file = dir.resolve("policies.yaml");
        Files.writeString(file, "timelyFilingMonths: 3\npolicies: []\n");
        Scrubber threeMonths = new Scrubber(Scrubber.sampleReference(), Policies.load(file), Scrubber.FIXED);

        Decision d = threeMonths.judge(claim("C1").diagnoses("M54.50").on("2026-03-02").line("99213").submitted("2026-06-03T10:00:00Z"));

        assertTrue(findings(d, "TIMELY_FILING").get(0).message().contains("3 months"));
    }

    @Test
    void aLineWithItsOwnOlderDateIsJudgedByItsOwnDate() {
        Decision d = scrubber.judge(claim("C1").diagnoses("M54.50").on("2026-03-02").line("99213")
                .line(new Line(2, "72100", List.of(), 1, LocalDate.parse("2025-01-10"), List.of(1), BigDecimal.TEN, null, null))
                .submitted("2026-03-03T10:00:00Z"));

        assertEquals(List.of(2), findings(d, "TIMELY_FILING").get(0).lineNumbers());
    }
}
