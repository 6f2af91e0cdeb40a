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

class MueEditTest {
    private final Scrubber scrubber = Scrubber.sample();

    @Test
    void maiOneDeniesTheLineOverTheValue() {
        Decision d = scrubber.judge(claim("C1").diagnoses("M17.11").line("20610", 3, "RT"));

        Finding f = findings(d, "MUE").get(0);
        assertEquals(List.of(1), f.lineNumbers());
        assertEquals("CO-151", f.carc());
        assertTrue(f.reference().contains("20610 value 2, MAI 1"), f.reference());
    }

    @Test
    void maiOneDoesNotSumAcrossLines() {
        Decision d = scrubber.judge(claim("C1").diagnoses("M17.11").line("20610", 2, "RT").line("20610", 2, "LT"));

        assertEquals(List.of(), findings(d, "MUE"));
    }

    @Test
    void maiOneAtTheValueIsAccepted() {
        assertEquals(Disposition.ACCEPTED, scrubber.judge(claim("C1").diagnoses("M17.11").line("20610", 2, "RT")).disposition());
    }

    @Test
    void maiThreeSumsLinesOfTheSameDateAndNamesEveryLine() {
        Decision d = scrubber.judge(claim("C1").diagnoses("J06.9").line("96372", 3).line("99213").line("96372", 2, "59"));

        Finding f = findings(d, "MUE").get(0);
        assertEquals(List.of(1, 3), f.lineNumbers());
        assertTrue(f.message().startsWith("5 units of 96372"), f.message());
    }

    @Test
    void maiTwoSumsOverEarlierAcceptedClaimsOfTheSameProviderAndDate() {
        assertEquals(Disposition.ACCEPTED, scrubber.judge(claim("C1").line("62323")).disposition());

        Decision d = scrubber.judge(claim("C2").line("62323", "76"));

        Finding f = findings(d, "MUE").get(0);
        assertEquals(List.of(1), f.lineNumbers());
        assertEquals(List.of("C1"), f.relatedClaimIds());
    }

    @Test
    void anotherProviderOrDateIsNotSummed() {
        assertEquals(Disposition.ACCEPTED, scrubber.judge(claim("C1").diagnoses("J06.9").line("96372", 4)).disposition());

        Decision otherDay = scrubber.judge(claim("C2").diagnoses("J06.9").on("2026-03-03").line("96372", 4));
        Decision otherProvider = scrubber.judge(claim("C3").diagnoses("J06.9").line(
                new Line(1, "96372", List.of(), 4, LocalDate.of(2026, 3, 2), List.of(1), null, "1888888884", null)));

        assertEquals(Disposition.ACCEPTED, otherDay.disposition());
        assertEquals(Disposition.ACCEPTED, otherProvider.disposition());
    }

    @Test
    void flaggedClaimsDoNotCountTowardsTheDailyTotal() {
        assertEquals(Disposition.FLAGGED, scrubber.judge(claim("C1").diagnoses("J06.9").line("96372", 5)).disposition());

        assertEquals(Disposition.ACCEPTED, scrubber.judge(claim("C2").diagnoses("J06.9").line("96372", 4)).disposition());
    }

    @Test
    void editionInForceIsTheLatestOnOrBeforeTheDateAndCodesOutsideItHaveNoLimit() {
        ReferenceData ref = TestReference.files().sample("PPRRVU2026_Jan_nonQPP.csv")
                .mue("MCR_MUE_PractitionerServices_Eff_01-01-2026.csv", "96372,4,3 Date of Service Edit: Clinical,Clinical: Data")
                .mue("MCR_MUE_PractitionerServices_Eff_04-01-2026.csv", "96372,2,3 Date of Service Edit: Clinical,Clinical: Data")
                .load();

        Decision march = new Scrubber(ref).judge(claim("C1").diagnoses("J06.9").on("2026-03-31").line("96372", 3));
        Decision april = new Scrubber(ref).judge(claim("C1").diagnoses("J06.9").on("2026-04-01").line("96372", 3));
        Decision before = new Scrubber(ref).judge(claim("C1").diagnoses("J06.9").on("2025-12-31").line("96372", 9));
        Decision absent = new Scrubber(ref).judge(claim("C1").diagnoses("J06.9").on("2026-04-01").line("99213", 7));

        assertEquals(List.of(), findings(march, "MUE"));
        assertEquals(List.of("MUE"), edits(april).stream().filter("MUE"::equals).toList());
        assertTrue(april.findings().get(0).reference().contains("edition 2026-04-01"));
        assertEquals(List.of(), findings(before, "MUE"));
        assertEquals(List.of(), findings(absent, "MUE"));
    }
}
