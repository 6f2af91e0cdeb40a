package org.claimscrubber.edits;

import static org.claimscrubber.ClaimFixture.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.claimscrubber.Scrubber;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.decision.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** INVALID_DIAGNOSIS against the ICD-10-CM code set in force (the sample holds an FY2026 order file excerpt). */
class DiagnosisEditTest {
    private final Scrubber scrubber = Scrubber.sample();

    @ParameterizedTest
    @ValueSource(strings = {"M54.5", "B02.2", "M50.1", "M48.06", "XYZ12"})
    void deniesALineThatPointsToAHeaderOrAnUnknownCode(String diagnosis) {
        Decision d = scrubber.judge(claim("C1").diagnoses("M54.16", diagnosis).line("99213"));
        // 99213's line points to diagnosis 1 only; the second line points to the bad one.
        Decision bad = scrubber.judge(claim("C2").diagnoses(diagnosis).line("99213"));

        assertTrue(Scrubber.findings(d, "INVALID_DIAGNOSIS").isEmpty(), "an unpointed diagnosis is not judged");
        List<Finding> f = Scrubber.findings(bad, "INVALID_DIAGNOSIS");
        assertEquals(1, f.size(), bad.findings().toString());
        assertEquals(Severity.DENY, f.get(0).severity());
        assertEquals("CO-146", f.get(0).carc());
        assertEquals(List.of(1), f.get(0).lineNumbers());
        assertTrue(f.get(0).message().contains(diagnosis.replace(".", "").substring(0, 3)), f.get(0).message());
    }

    @Test
    void acceptsBillableCodesWithOrWithoutTheDot() {
        Decision d = scrubber.judge(claim("C1").diagnoses("M54.16", "M5417").line("99213"));

        assertTrue(Scrubber.findings(d, "INVALID_DIAGNOSIS").isEmpty(), d.findings().toString());
    }

    @Test
    void aDateBeforeTheFirstLoadedCodeSetIsNotChecked() {
        Decision d = scrubber.judge(claim("C1").on("2025-09-30").diagnoses("M54.5").line("99213"));

        assertTrue(Scrubber.findings(d, "INVALID_DIAGNOSIS").isEmpty(), d.findings().toString());
    }

    @Test
    void aHeaderMessageSaysToReportAMoreSpecificCode() {
        Finding f = Scrubber.findings(scrubber.judge(claim("C1").diagnoses("M54.5").line("99213")), "INVALID_DIAGNOSIS").get(0);

        assertTrue(f.message().contains("M54.5 (pointer 1) is a category header"), f.message());
    }

    /**
     * Rule 4: a policy's diagnosis family ({@code B02.2*}, {@code M50.1*}) takes only billable codes, so a header does
     * not support the code under the policy: the line gets DIAGNOSIS_NOT_COVERED beside INVALID_DIAGNOSIS.
     */
    @ParameterizedTest
    @ValueSource(strings = {"62323:B02.2", "62321:M50.1"})
    void aPolicyFamilyDoesNotTakeItsHeader(String codeAndDiagnosis) {
        String code = codeAndDiagnosis.split(":")[0];
        String header = codeAndDiagnosis.split(":")[1];
        Decision d = scrubber.judge(claim("C1").diagnoses(header).line(code));

        assertEquals(1, Scrubber.findings(d, "INVALID_DIAGNOSIS").size(), d.findings().toString());
        assertEquals(1, Scrubber.findings(d, "DIAGNOSIS_NOT_COVERED").size(), d.findings().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"62323:B02.29", "62321:M50.10", "62321:M48.02"})
    void aPolicyFamilyTakesItsBillableCodes(String codeAndDiagnosis) {
        String code = codeAndDiagnosis.split(":")[0];
        String billable = codeAndDiagnosis.split(":")[1];
        Decision d = scrubber.judge(claim("C1").diagnoses(billable).line(code));

        assertTrue(Scrubber.findings(d, "DIAGNOSIS_NOT_COVERED").isEmpty(), d.findings().toString());
    }
}
