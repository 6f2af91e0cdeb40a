package org.claimscrubber.edits;

import static org.claimscrubber.ClaimFixture.claim;
import static org.claimscrubber.Scrubber.edits;
import static org.claimscrubber.Scrubber.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.claimscrubber.ClaimFixture;
import org.claimscrubber.Scrubber;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.policy.Policies;
import org.junit.jupiter.api.Test;

/** Payer sections: the default rules with a payer's overrides, chosen by the claim's payerId. */
class PayerRulesTest {
    private static Scrubber scrubber() {
        try {
            Path file = Path.of(PayerRulesTest.class.getResource("/policies/two-payers.yaml").toURI());
            return new Scrubber(Scrubber.sampleReference(), Policies.load(file), Scrubber.FIXED);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ClaimFixture lumbar(String claimId, String payer, String diagnosis) {
        return lumbar(claimId, payer, diagnosis, ClaimFixture.DAY.toString());
    }

    private static ClaimFixture lumbar(String claimId, String payer, String diagnosis, String date) {
        return claim(claimId).payer(payer).pos("24").diagnoses(diagnosis).on(date).line("62323");
    }

    @Test
    void theSameClaimIsJudgedByEachPayersRules() {
        Decision medicare = scrubber().judge(lumbar("C1", null, "M54.50"));
        Decision lenient = scrubber().judge(lumbar("C1", "LENIENT-PPO", "M54.50"));
        Decision strict = scrubber().judge(lumbar("C1", "strict-hmo ", "M54.50"));

        assertEquals(List.of("DIAGNOSIS_NOT_COVERED"), edits(medicare));
        assertEquals("CO-50", medicare.findings().get(0).carc());
        assertEquals(Disposition.ACCEPTED, lenient.disposition(), lenient.findings().toString());
        assertEquals("LENIENT-PPO", lenient.referenceVersions().get("payer"));
        assertEquals(List.of("DIAGNOSIS_NOT_COVERED"), edits(strict));
        assertEquals("CO-11", strict.findings().get(0).carc(), "the payer's CARC for the edit");
        assertEquals("STRICT-HMO", strict.referenceVersions().get("payer"));
        assertNull(medicare.referenceVersions().get("payer"));
    }

    @Test
    void aPayerWithoutASectionOrNoPayerGetsTheDefaultRules() {
        Decision unknown = scrubber().judge(lumbar("C1", "SOMEONE-ELSE", "M54.50"));

        assertEquals(List.of("DIAGNOSIS_NOT_COVERED"), edits(unknown));
        assertNull(unknown.referenceVersions().get("payer"));
    }

    @Test
    void frequencyLimitsAndFilingWindowsComeFromThePayerSection() {
        Scrubber strict = scrubber();
        Scrubber medicare = scrubber();
        String[] dates = {"2026-01-05", "2026-03-02", "2026-05-04"};
        Decision strictThird = null;
        Decision medicareThird = null;
        for (int i = 0; i < dates.length; i++) {
            strictThird = strict.judge(lumbar("S" + i, "STRICT-HMO", "M54.16", dates[i]));
            medicareThird = medicare.judge(lumbar("M" + i, null, "M54.16", dates[i]));
        }

        assertEquals(List.of("FREQUENCY_LIMIT"), edits(strictThird), "at most 2 sessions for STRICT-HMO");
        assertEquals("CO-119", strictThird.findings().get(0).carc());
        assertEquals(Disposition.ACCEPTED, medicareThird.disposition());
        Decision late = scrubber().judge(lumbar("L1", "STRICT-HMO", "M54.16").submitted("2026-07-01T10:00:00Z"));
        Decision inTime = scrubber().judge(lumbar("L1", "LENIENT-PPO", "M54.16").submitted("2026-07-01T10:00:00Z"));
        assertEquals(List.of("TIMELY_FILING"), edits(late), "3 months for STRICT-HMO");
        assertEquals(Disposition.ACCEPTED, inTime.disposition(), "12 months, inherited from the default");
    }

    @Test
    void aPayerThatTakesNoFrequencySevenOrEightRefusesAReplacement() {
        Scrubber s = scrubber();
        s.judge(lumbar("C1", "STRICT-HMO", "M54.16"));
        Decision replacement = s.judge(lumbar("C1R", "STRICT-HMO", "M54.16").replaces("C1"));
        s.judge(lumbar("C2", "LENIENT-PPO", "M54.16").member("MBR-2"));
        Decision elsewhere = s.judge(lumbar("C2R", "LENIENT-PPO", "M54.16").member("MBR-2").replaces("C2"));

        assertEquals(List.of("INVALID_CLAIM"), edits(replacement));
        assertTrue(replacement.findings().get(0).message().contains("payer STRICT-HMO does not accept frequency 7 (replacement) claims"),
                replacement.findings().get(0).message());
        assertEquals(Disposition.ACCEPTED, elsewhere.disposition());
    }

    @Test
    void anEditThePayerTurnsOffLeavesNoFinding() {
        ClaimFixture bypassed = claim("C1").diagnoses("M79.18").line("20552").line("99213", "25");
        Decision medicare = scrubber().judge(bypassed);
        Decision strict = scrubber().judge(claim("C1").payer("STRICT-HMO").diagnoses("M79.18").line("20552").line("99213", "25"));

        assertEquals(List.of("NCCI_PTP_BYPASSED"), edits(medicare));
        assertEquals(List.of(), strict.findings());
    }

    @Test
    void whatAPayerDoesNotOverrideIsInherited() {
        Decision strict = scrubber().judge(claim("C1").payer("STRICT-HMO").pos("24").diagnoses("M54.16").line("62322"));

        assertEquals(List.of("NOT_COVERED"), edits(strict), "the default's never-covered list");
        assertEquals("CO-50", findings(strict, "NOT_COVERED").get(0).carc());
    }
}
