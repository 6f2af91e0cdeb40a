package org.claimscrubber.edits;

import static org.claimscrubber.ClaimFixture.claim;
import static org.claimscrubber.Scrubber.edits;
import static org.claimscrubber.Scrubber.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.claimscrubber.ClaimFixture;
import org.claimscrubber.Scrubber;
import org.claimscrubber.claim.Line;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.decision.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contracts §4a rule 7: the technical component in a facility, and place-of-service codes outside CMS's code set. */
class PlaceOfServiceTest {
    private final Scrubber scrubber = Scrubber.sample();

    private static Line lineAt(String code, String pos, LocalDate date, String... modifiers) {
        return new Line(1, code, List.of(modifiers), 1, date, List.of(1), BigDecimal.TEN, null, pos);
    }

    @Test
    void guidanceBilledGlobalInAHospitalOutpatientDepartmentIsInconsistentWithThePlace() {
        Decision d = scrubber.judge(claim("C1").pos("22").line("77003"));

        Finding f = findings(d, "POS_INCONSISTENT").get(0);
        assertEquals(List.of(1), f.lineNumbers());
        assertEquals(Severity.DENY, f.severity());
        assertEquals("CO-58", f.carc());
        assertTrue(f.message().contains("77003") && f.message().contains("22") && f.message().contains("26"), f.message());
        assertNull(d.lines().get(0).expectedAllowed());
        assertEquals("PFS_NA", d.lines().get(0).pricing());
    }

    @Test
    void technicalComponentInAFacilityIsInconsistentToo() {
        Decision d = scrubber.judge(claim("C1").pos("24").diagnoses("M54.50").line("72148", "TC"));

        assertEquals(List.of("POS_INCONSISTENT"), edits(d));
    }

    @Test
    void professionalComponentInAFacilityAndGlobalInTheOfficeAreConsistent() {
        Decision facility = scrubber.judge(claim("C1").pos("22").diagnoses("M54.50").line("72148", "26"));
        Decision office = scrubber.judge(claim("C2").pos("11").diagnoses("M54.50").on("2026-02-27").line("72148"));

        assertEquals(Disposition.ACCEPTED, facility.disposition(), () -> facility.findings().toString());
        assertEquals(Disposition.ACCEPTED, office.disposition(), () -> office.findings().toString());
        assertEquals("PFS", office.lines().get(0).pricing());
    }

    @Test
    void aCodeWithoutAProfessionalTechnicalSplitIsNotThisEditsBusiness() {
        Decision d = scrubber.judge(claim("C1").pos("22").diagnoses("J06.9").line("96372"));

        assertEquals(List.of(), findings(d, "POS_INCONSISTENT"));
        assertEquals("PFS_NA", d.lines().get(0).pricing());
    }

    @ParameterizedTest
    @ValueSource(strings = {"28", "00", "98", "1", "XX", "111"})
    void aPlaceOfServiceOutsideCmssCodeSetMakesTheClaimInvalid(String pos) {
        Decision d = scrubber.judge(claim("C1").pos(pos).line("99213"));

        assertEquals(List.of("INVALID_CLAIM"), edits(d));
        assertTrue(d.findings().get(0).message().contains("placeOfService '" + pos + "'"), d.findings().get(0).message());
    }

    @Test
    void aLinesOwnPlaceOfServiceIsCheckedToo() {
        Decision d = scrubber.judge(claim("C1").pos("11").line(lineAt("99213", "35", ClaimFixture.DAY)));

        assertEquals(List.of("INVALID_CLAIM"), edits(d));
        assertTrue(d.findings().get(0).message().contains("line 1: placeOfService '35'"), d.findings().get(0).message());
    }

    @Test
    void aClaimWithNoPlaceOfServiceIsInvalid() {
        Decision d = scrubber.judge(claim("C1").pos(null).line("99213"));

        assertEquals(List.of("INVALID_CLAIM"), edits(d));
        assertTrue(d.findings().get(0).message().contains("no placeOfService"), d.findings().get(0).message());
    }

    @Test
    void aCodeIsValidFromItsEffectiveDate() {
        Decision before = scrubber.judge(claim("C1").pos("66").on("2024-07-31").line("99213"));
        Decision after = scrubber.judge(claim("C2").pos("66").on("2024-08-01").line("99213"));

        assertEquals(List.of("INVALID_CLAIM"), edits(before));
        assertTrue(before.findings().get(0).message().contains("2024-08-01"), before.findings().get(0).message());
        assertEquals(List.of("UNKNOWN_CODE"), edits(after), "valid place; 2024 is before the sample's first fee-schedule release");
    }

    @Test
    void everyAssignedCodeIsAccepted() {
        List<String> assigned = List.of("01", "02", "10", "11", "12", "19", "20", "21", "22", "23", "24", "27", "31", "34", "41", "42",
                "49", "50", "57", "58", "60", "61", "62", "65", "66", "71", "72", "81", "99", " 11 ");
        for (int i = 0; i < assigned.size(); i++) {
            String pos = assigned.get(i);
            Decision d = scrubber.judge(claim("C-" + i).pos(pos).member("M-" + i).line("99213"));
            assertEquals(Disposition.ACCEPTED, d.disposition(), () -> pos + ": " + d.findings());
        }
    }
}
