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
