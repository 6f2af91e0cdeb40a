package org.claimscrubber.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoliciesTest {
    private static Policies parse(String yaml) throws Exception {
        return Policies.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    @Test
    void defaultPolicyIsTheEpiduralSteroidInjectionPolicy() {
        Policy esi = Policies.loadDefault().all().get(0);

        assertEquals("lumbar/sacral", esi.region("62323").name());
        assertEquals("cervical/thoracic", esi.region("64480").name());
        assertNull(esi.region("62324"));
        assertEquals(4, esi.frequency().maxSessions());
        assertEquals(12, esi.frequency().windowMonths());
        assertEquals(0, esi.frequency().windowDays());
        assertNotNull(esi.notCovered("62320", List.of()));
        assertNotNull(esi.notCovered("62323", List.of("50")));
        assertNull(esi.notCovered("62323", List.of("RT")));
        assertNull(esi.notCovered("64483", List.of("50")));
        assertTrue(esi.region("62323").covers("B0229", true));
        assertTrue(esi.region("62321").covers("M48021", true));
        assertTrue(!esi.region("62323").covers("M5412", true));
        assertTrue(!esi.region("62323").covers("B022", false), "a family takes only billable codes: not its header");
        assertTrue(esi.region("62323").covers("M5416", false), "an exact entry is the list's own word");
    }

    @Test
    void unknownKeysAndBrokenYamlAreRefusedWithTheFileName() {
        Policies.PolicyException unknownKey = assertThrows(Policies.PolicyException.class,
                () -> parse("policies:\n  - id: X\n    regionz: []\n"));
        Policies.PolicyException broken = assertThrows(Policies.PolicyException.class, () -> parse("policies: [\n"));
        Policies.PolicyException badFrequency = assertThrows(Policies.PolicyException.class,
                () -> parse("policies:\n  - id: X\n    frequency: {maxSessions: 0, windowDays: 10}\n"));

        assertTrue(unknownKey.getMessage().startsWith("test.yaml"), unknownKey.getMessage());
        assertTrue(broken.getMessage().startsWith("test.yaml"));
        assertTrue(badFrequency.getMessage().contains("maxSessions"));
    }

    /**
     * A value that cannot be used is refused with the line that holds it: a typo in a code would otherwise turn the policy
     * off for that code without a word.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "effectiveFrom: 2021-13-05|8|effectiveFrom '2021-13-05' is not an ISO date",
        "effectiveTo: 2020-01-01|8|effectiveTo 2020-01-01 is before effectiveFrom 2021-01-05",
        "notCovered: [{code: '6232', reason: typo}]|8|notCovered names '6232', which is not a five-character CPT or HCPCS code",
        "notCovered: [{code: '62321', modifier: '5', reason: typo}]|8|names modifier '5'",
        "liabilityModifiers: {GA: XX}|8|liability modifier GA names group 'XX'",
        "exemptWhen: [NOTADX]|8|exemptWhen names 'NOTADX', which is not an ICD-10-CM code or family",
        "exemptWhen: ['12345']|8|exemptWhen names '12345'",
        "rarc: N 386|8|rarc 'N 386' is not a remark code"})
    void aValueThatCannotBeUsedIsRefusedWithItsLine(String entry, int line, String reason) {
        String yaml = """
                timelyFilingMonths: 12
                policies:
                  - id: A
                    regions:
                      - {name: lumbar, codes: ["62323"], coveredDiagnoses: [M54.16]}
                  - id: B
                    effectiveFrom: 2021-01-05
                    %s
                """.formatted(entry).replace("effectiveFrom: 2021-01-05\n    effectiveFrom", "effectiveFrom");

        Policies.PolicyException e = assertThrows(Policies.PolicyException.class, () -> parse(yaml));

        assertTrue(e.getMessage().startsWith("test.yaml:" + (entry.startsWith("effectiveFrom") ? line - 1 : line) + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void badCodesInRegionsAndLevelsAndDiagnosisListsAreRefusedWithTheirLine() {
        Policies.PolicyException region = assertThrows(Policies.PolicyException.class, () -> parse(
                "policies:\n  - id: X\n    regions:\n      - name: lumbar\n        codes: [\"62323\", \"62321X\"]\n"));
        Policies.PolicyException level = assertThrows(Policies.PolicyException.class, () -> parse(
                "policies:\n  - id: X\n    regions:\n      - name: lumbar\n        codes: [\"64483\"]\n"
                        + "        levels: [{name: tf, codes: [\"9999\"], max: 2}]\n"));
        Policies.PolicyException covered = assertThrows(Policies.PolicyException.class, () -> parse(
                "policies:\n  - id: X\n    regions:\n      - name: lumbar\n        codes: [\"62323\"]\n        coveredDiagnoses: [M54.16, \"M5\"]\n"));

        assertTrue(region.getMessage().startsWith("test.yaml:5: policy X: region lumbar codes names '62321X'"), region.getMessage());
        assertTrue(level.getMessage().startsWith("test.yaml:6: policy X: level tf codes names '9999'"), level.getMessage());
        assertTrue(covered.getMessage().startsWith("test.yaml:6: policy X: region lumbar coveredDiagnoses names 'M5'"), covered.getMessage());
    }

    @Test
    void aPayerSectionsBadValueIsRefusedWithItsLine() {
        Policies.PolicyException carc = assertThrows(Policies.PolicyException.class, () -> parse(
                "policies: []\npayers:\n  - id: P1\n    carcs: {MUE: XX119}\n"));
        Policies.PolicyException top = assertThrows(Policies.PolicyException.class, () -> parse("policies: []\ntimelyFilingMonths: 0\n"));

        assertEquals("test.yaml:4 (payer P1): the CARC of MUE must read like CO-97 (group CO, PR, OA or PI), not 'XX119'", carc.getMessage());
        assertEquals("test.yaml:2: timelyFilingMonths must be 1 or more", top.getMessage());
    }

    /** Where a value of a payer section, or one that also appears earlier in the file, is reported. */
    @Test
    void theLineIsTheOneThatHoldsTheProblem() {
        java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("policies:\n  - id: X\n    name: one\n  - id: Y\n  - id: X\npayers:\n  - id: P\n    policies:\n      - id: X\n        name: p\n",
                "test.yaml:5: two policies with id X");
        cases.put("policies:\n  - id: E\n    regions:\n      - name: cervical\n        codes: [\"62321\"]\n      - name: lumbar\n"
                + "        codes: [\"62323\"]\npayers:\n  - id: P\n    policies:\n      - id: E\n        regions:\n          - name: cervical\n"
                + "            codes: [\"62321\", \"62323\"]\n", "test.yaml:14 (payer P): policy E: code 62323 is in two regions");
        cases.put("policies:\n  - id: E\n    frequency: {maxSessions: 4, windowMonths: 12}\npayers:\n  - id: P\n    policies:\n      - id: E\n"
                + "        frequency: {windowDays: 365}\n", "test.yaml:7 (payer P): policy E: frequency needs");
        cases.put("policies:\n  - id: X\n    frequency: {maxSessions: 4, windowDays: 365}\n    notCovered:\n"
                + "      - {code: \"62323\", modifier: \"4\", reason: r}\n", "test.yaml:5: policy X: notCovered 62323 names modifier '4'");
        cases.put("policies:\n  - id: X\npayers:\n  - id: P\n    policies:\n      - id: X\n        name: a\n      - id: X\n        name: b\n",
                "test.yaml:8 (payer P): two policies with id X");
        cases.put("policies:\n  - id: X\n    regions:\n      - name: a\n        codes: [\"62323\"]\n      - name: b\n        codes: [\"64483\", \"62323\"]\n",
                "test.yaml:7: policy X: code 62323 is in two regions");
        cases.put("policies:\n  - id: X\n    liabilityModifiers: {GA: PR, ga: CO}\n", "test.yaml:3: policy X: liability modifier ga is given twice");
        cases.put("policies:\n  - id: X\n    regions:\n      - name: a\n        codes: [\"62323\"]\n        levels: [{name: il, codes: [\"62323\"], max: 0}]\n",
                "test.yaml:6: policy X: level il needs codes and a max of 1 or more");
        cases.put("policies:\n  - id: X\n    regions:\n      - name: a\n        codes: [\"62323\"]\n        levels: [{name: il, max: 2}]\n",
                "test.yaml:6: policy X: level il needs codes");
        cases.forEach((yaml, expected) -> {
            Policies.PolicyException e = assertThrows(Policies.PolicyException.class, () -> parse(yaml), yaml);
            assertTrue(e.getMessage().startsWith(expected), e.getMessage() + " <- " + yaml);
        });
    }

    /** YAML 1.1's yes/no stay booleans (bySide, oneRegionPerSession), as in the typed reading of the file. */
    @Test
    void yamlBooleanWordsStayBooleans() throws Exception {
        Policies p = parse("policies:\n  - id: X\n    oneRegionPerSession: yes\n    regions:\n      - name: a\n        codes: [\"64483\"]\n"
                + "        levels: [{name: tf, codes: [\"64483\"], max: 2, bySide: yes}]\n");

        assertTrue(p.all().get(0).oneRegionPerSession());
        assertTrue(p.all().get(0).levels().get(0).bySide());
    }

    /** YAML reads an unquoted 00100 as the octal number 64; the file's text is what counts, in payer sections too. */
    @Test
    void anUnquotedAnesthesiaCodeKeepsItsText() throws Exception {
        Policies p = parse("policies:\n  - id: X\n    notCovered: [{code: 00100, reason: r}]\npayers:\n  - id: P\n    timelyFilingMonths: 6\n");

        assertNotNull(p.all().get(0).notCovered("00100", List.of()));
        assertNotNull(p.forPayer("P").all().get(0).notCovered("00100", List.of()));
    }

    @Test
    void twoPoliciesWithOneIdAndAKeyGivenTwiceAreRefused() {
        Policies.PolicyException twice = assertThrows(Policies.PolicyException.class,
                () -> parse("policies:\n  - id: X\n    name: one\n  - id: X\n    name: two\n"));
        Policies.PolicyException key = assertThrows(Policies.PolicyException.class,
                () -> parse("timelyFilingMonths: 12\ntimelyFilingMonths: 3\npolicies: []\n"));

        assertEquals("test.yaml:4: two policies with id X", twice.getMessage());
        assertTrue(key.getMessage().startsWith("test.yaml:2: ") && key.getMessage().contains("timelyFilingMonths"), key.getMessage());
    }

    @Test
    void aCodeInTwoRegionsIsRefused() {
        assertThrows(Policies.PolicyException.class, () -> parse("policies:\n  - id: X\n    regions:\n"
                + "      - {name: a, codes: [\"62323\"]}\n      - {name: b, codes: [\"62323\"]}\n"));
    }

    @Test
    void policyFileOptionsAreRead() throws Exception {
        Policies p = parse("""
                timelyFilingMonths: 6
                policies:
                  - id: X
                    effectiveFrom: 2026-04-01
                    effectiveTo: 2026-06-30
                    exemptWhen: [G80.1, "G35*"]
                    liabilityModifiers: {GA: PR, GZ: CO}
                    rarc: N115
                    frequency: {maxSessions: 2, windowMonths: 6}
                """);
        Policy x = p.all().get(0);

        assertEquals(6, p.timelyFilingMonths());
        assertTrue(x.inForceOn(java.time.LocalDate.parse("2026-04-01")) && x.inForceOn(java.time.LocalDate.parse("2026-06-30")));
        assertTrue(!x.inForceOn(java.time.LocalDate.parse("2026-03-31")) && !x.inForceOn(java.time.LocalDate.parse("2026-07-01")));
        assertTrue(x.exempts("G801", true) && x.exempts("G35A", true) && !x.exempts("G802", true));
        assertTrue(x.exempts("G801", false) && !x.exempts("G35", false), "a family entry takes only billable codes");
        assertEquals("PR", x.liabilityGroup(List.of("GA")));
        assertEquals("CO", x.liabilityGroup(List.of("GZ")));
        assertNull(x.liabilityGroup(List.of("RT")));
        assertEquals("N115", x.rarc());
        assertEquals(java.time.LocalDate.parse("2025-12-01"), x.frequency().windowStart(java.time.LocalDate.parse("2026-05-31")));
        assertEquals(186, p.longestWindowDays());
    }

    @Test
    void timelyFilingDefaultsToTwelveMonths() throws Exception {
        assertEquals(12, parse("policies: []\n").timelyFilingMonths());
        assertEquals(12, Policies.loadDefault().timelyFilingMonths());
    }

    @Test
    void inconsistentOptionsAreRefusedWithThePolicyId() {
        for (String bad : List.of(
                "policies:\n  - id: X\n    frequency: {maxSessions: 1, windowDays: 10, windowMonths: 1}\n",
                "policies:\n  - id: X\n    frequency: {maxSessions: 1}\n",
                "policies:\n  - id: X\n    effectiveFrom: 2026-07-01\n    effectiveTo: 2026-06-30\n",
                "policies:\n  - id: X\n    liabilityModifiers: {GA: PX}\n",
                "timelyFilingMonths: 0\npolicies: []\n")) {
            Policies.PolicyException e = assertThrows(Policies.PolicyException.class, () -> parse(bad), bad);
            assertTrue(e.getMessage().startsWith("test.yaml"), e.getMessage());
        }
    }
}
