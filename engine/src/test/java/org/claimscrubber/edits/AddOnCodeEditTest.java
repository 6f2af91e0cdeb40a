package org.claimscrubber.edits;

import static org.claimscrubber.ClaimFixture.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.claimscrubber.Scrubber;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.decision.Severity;
import org.junit.jupiter.api.Test;

/** ADD_ON_CODE from CMS's add-on code edit file (the sample holds the real rows for 64480, 64484 and 77003). */
class AddOnCodeEditTest {
    private final Scrubber scrubber = Scrubber.sample();

    @Test
    void deniesATransforaminalAddOnLevelBilledAlone() {
        Finding f = only(scrubber.judge(claim("C1").line("64484")));

        assertEquals(Severity.DENY, f.severity());
        assertEquals("CO-B15", f.carc());
        assertEquals(List.of(1), f.lineNumbers());
        assertTrue(f.message().contains("64483"), f.message());
        assertTrue(f.reference().contains("AOC_V2026Q2") && f.reference().contains("type 1"), f.reference());
    }

    @Test
    void deniesTheCervicalAddOnLevelBilledAlone() {
        assertEquals(Severity.DENY, only(scrubber.judge(claim("C1").diagnoses("M54.12").line("64480"))).severity());
    }

    @Test
    void anInterlaminarInjectionIsNotThePrimaryOfATransforaminalAddOn() {
        Decision d = scrubber.judge(claim("C1").line("62323").line("64484"));

        Finding f = only(d);
        assertEquals(List.of(2), f.lineNumbers());
    }

    @Test
    void acceptsTheAddOnWithItsPrimaryOnTheClaim() {
        Decision d = scrubber.judge(claim("C1").line("64483").line("64484"));

        assertTrue(Scrubber.findings(d, "ADD_ON_CODE").isEmpty(), d.findings().toString());
    }

    @Test
    void acceptsTheAddOnWithItsPrimaryOnAnAcceptedClaimOfTheSameProviderAndDate() {
        scrubber.judge(claim("C1").line("64483"));

        assertTrue(Scrubber.findings(scrubber.judge(claim("C2").line("64484")), "ADD_ON_CODE").isEmpty());
    }

    @Test
    void thePrimaryOfAnotherProviderOrDateDoesNotCount() {
        scrubber.judge(claim("C1").line("64483"));

        assertEquals(1, Scrubber.findings(scrubber.judge(claim("C2").provider("1003000134").line("64484")), "ADD_ON_CODE").size());
        assertEquals(1, Scrubber.findings(scrubber.judge(claim("C3").on("2026-03-03").line("64484")), "ADD_ON_CODE").size());
    }

    private static Finding only(Decision d) {
        List<Finding> f = Scrubber.findings(d, "ADD_ON_CODE");
        assertEquals(1, f.size(), d.findings().toString());
        return f.get(0);
    }
}
