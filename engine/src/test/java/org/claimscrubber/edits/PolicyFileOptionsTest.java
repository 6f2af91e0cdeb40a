package org.claimscrubber.edits;

import static org.claimscrubber.ClaimFixture.claim;
import static org.claimscrubber.Scrubber.edits;
import static org.claimscrubber.Scrubber.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimscrubber.Scrubber;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.policy.Policies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The policy file's options of §4a rule 12 and the frequency window kinds of rule 10. */
class PolicyFileOptionsTest {
    private final Scrubber scrubber = Scrubber.sample();

    @TempDir
    Path dir;

    /** Dates stay within a few months of the processing date (2026-12-03): history is pruned relative to it. */
    private Scrubber withPolicy(String policy) throws IOException {
        Path file = dir.resolve("policies.yaml");
        Files.writeString(file, "policies:\n  - id: T1\n    name: Test policy\n    reference: test file\n" + policy);
        return new Scrubber(Scrubber.sampleReference(), Policies.load(file), Scrubber.FIXED);
    }

    /**
     * History is kept for the timely filing window even when every policy window is shorter: a claim that may still be
     * filed finds the accepted claim it duplicates or voids (with a 30-day window it was forgotten after 120 days).
     */
    @Test
    void historyCoversTheTimelyFilingWindowWhateverThePolicyWindows() throws IOException {
        Scrubber s = withPolicy("""
                    frequency: {maxSessions: 4, windowDays: 30}
                    regions:
                      - {name: lumbar, codes: ["62323"], coveredDiagnoses: [M54.16]}
                """);
        s.judge(claim("Q3").member("MQ3").diagnoses("M54.16").on("2026-06-01").submitted("2026-06-03T00:00:00Z").line("96372"));

        assertEquals(List.of("DUPLICATE_CLAIM"), edits(s.judge(claim("Q3").event("E-again").member("MQ3").diagnoses("M54.16")
                .on("2026-06-01").submitted("2026-06-03T00:00:00Z").line("96372"))));
        assertEquals(Disposition.VOIDED, s.judge(claim("Q3v").member("MQ3").voids("Q3").on("2026-06-01")
                .submitted("2026-06-03T00:00:00Z").line("96372")).disposition());
    }

    @Test
    void policyGovernsOnlyFromEffectiveFromThroughEffectiveTo() throws IOException {
        Scrubber s = withPolicy("""
                    effectiveFrom: 2026-04-01
                    effectiveTo: 2026-06-30
                    regions:
                      - {name: lumbar, codes: ["62323"], coveredDiagnoses: [M54.16]}
                """);

        assertEquals(List.of(), edits(s.judge(claim("C1").diagnoses("J06.9").on("2026-03-31").line("62323"))));
        assertEquals(List.of("DIAGNOSIS_NOT_COVERED"), edits(s.judge(claim("C2").diagnoses("J06.9").on("2026-04-01").line("62323"))));
        assertEquals(List.of("DIAGNOSIS_NOT_COVERED"), edits(s.judge(claim("C3").diagnoses("J06.9").on("2026-06-30").line("62323"))));
        assertEquals(List.of(), edits(s.judge(claim("C4").diagnoses("J06.9").on("2026-07-01").line("62323"))));
    }

    @Test
    void anExemptDiagnosisLiftsOnlyTheDiagnosisRestriction() {
        Decision pumpTrial = scrubber.judge(claim("C1").diagnoses("G80.1").line("62323"));
        Decision withoutImaging = scrubber.judge(claim("C2").diagnoses("G80.1").on("2026-04-01").line("62322"));
        Decision notPointed = scrubber.judge(claim("C3").diagnoses("J06.9", "G80.1").on("2026-05-01").line("62323"));

        assertEquals(List.of(), edits(pumpTrial), "G80.1 is billable in the sample's ICD-10-CM release and exempt");
        assertEquals(1, findings(withoutImaging, "NOT_COVERED").size());
        assertEquals(List.of("DIAGNOSIS_NOT_COVERED"), edits(notPointed));
    }

    /**
     * Every billable code of the default policy's exemptWhen entries and families is in the sample's FY2026 release, so
     * each lifts the diagnosis restriction; a header (G35 since FY2026) is denied twice over.
     */
    @ParameterizedTest
    @ValueSource(strings = {"G89.12", "G89.18", "G80.0", "G80.1", "G80.2", "G81.10", "G81.11", "G81.12", "G81.13", "G81.14", "G82.20",
            "G82.21", "G82.22", "G82.50", "G82.51", "G82.52", "G82.53", "G82.54", "G35.A", "G35.B0", "G35.B1", "G35.B2", "G35.C0",
            "G35.C1", "G35.C2", "G35.D"})
    void everyExemptCodeIsBillableInTheSampleRelease(String dx) {
        assertEquals(List.of(), edits(scrubber.judge(claim("C-" + dx).member("M-" + dx).diagnoses(dx).line("62323"))));
    }

    @Test
    void anExemptFamilyDoesNotTakeItsHeader() {
        List<String> header = edits(scrubber.judge(claim("C3").diagnoses("G35").on("2026-05-01").line("62323")));
        assertTrue(header.contains("INVALID_DIAGNOSIS") && header.contains("DIAGNOSIS_NOT_COVERED"), header.toString());
    }

    @Test
    void gaMakesThePatientLiableForPolicyDenialsAndGzKeepsTheProvider() {
        Finding ga = findings(scrubber.judge(claim("C1").diagnoses("J06.9").line("62323", "GA")), "DIAGNOSIS_NOT_COVERED").get(0);
        Finding gz = findings(scrubber.judge(claim("C2").diagnoses("J06.9").on("2026-04-01").line("62323", "GZ")), "DIAGNOSIS_NOT_COVERED").get(0);
        Finding never = findings(scrubber.judge(claim("C3").on("2026-05-01").line("62322", "GA")), "NOT_COVERED").get(0);

        assertEquals("PR-50", ga.carc());
        assertEquals("CO-50", gz.carc());
        assertEquals("PR-50", never.carc());
    }

    @Test
    void gaDoesNotShiftAnMueDenialButDoesShiftTheSessionLimit() {
        Decision d = scrubber.judge(claim("C1").pos("24").line("62323", 2, "GA"));

        assertEquals("CO-151", findings(d, "MUE").get(0).carc());
        assertEquals("PR-151", findings(d, "SESSION_LIMIT").get(0).carc());
    }

    @Test
    void aSessionFindingStaysWithTheProviderUnlessEveryLineCarriesGa() {
        Decision d = scrubber.judge(claim("C1").pos("24").line("64483", "GA").line("64484", 2));

        assertEquals("CO-151", findings(d, "SESSION_LIMIT").get(0).carc());
    }

    @Test
    void frequencyFindingWithGaIsPatientLiableAndKeepsItsRemark() {
        for (String day : List.of("2026-01-10", "2026-03-10", "2026-05-10", "2026-07-10")) {
            scrubber.judge(claim("C" + day).on(day).line("62323"));
        }

        Finding f = findings(scrubber.judge(claim("X").on("2026-09-10").line("62323", "GA")), "FREQUENCY_LIMIT").get(0);

        assertEquals("PR-151", f.carc());
        assertEquals("N386", f.rarc());
    }

    @Test
    void windowDaysStaysAvailableAndAPolicyWithoutRemarkSendsNone() throws IOException {
        Scrubber s = withPolicy("""
                    regions:
                      - {name: lumbar, codes: ["62323"], coveredDiagnoses: [M54.16]}
                    frequency: {maxSessions: 1, windowDays: 30}
                """);
        s.judge(claim("C1").on("2026-10-01").line("62323"));

        Decision day30 = s.judge(claim("C2").on("2026-10-30").line("62323"));
        Decision day31 = s.judge(claim("C3").on("2026-10-31").line("62323"));

        Finding f = findings(day30, "FREQUENCY_LIMIT").get(0);
        assertTrue(f.message().contains("any 30-day window"), f.message());
        assertEquals("CO-151", f.carc());
        assertNull(f.rarc());
        assertEquals(Disposition.ACCEPTED, day31.disposition());
    }

    @Test
    void aOneMonthWindowEndingOnThe31stStartsOnThe1st() throws IOException {
        Scrubber s = withPolicy("""
                    regions:
                      - {name: lumbar, codes: ["62323"], coveredDiagnoses: [M54.16]}
                    frequency: {maxSessions: 1, windowMonths: 1}
                """);
        s.judge(claim("C1").on("2026-10-01").line("62323"));

        Decision thirtyOneDaysOn = s.judge(claim("C2").on("2026-10-31").line("62323"));
        Decision firstOfNovember = s.judge(claim("C3").on("2026-11-01").line("62323"));

        assertEquals(List.of("FREQUENCY_LIMIT"), edits(thirtyOneDaysOn));
        assertTrue(thirtyOneDaysOn.findings().get(0).message().contains("between 2026-10-01 and 2026-10-31"));
        assertTrue(thirtyOneDaysOn.findings().get(0).message().contains("any 1-month window"));
        assertEquals(Disposition.ACCEPTED, firstOfNovember.disposition());
    }
}
