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
        assertEquals(365, esi.frequency().windowDays());
        assertNotNull(esi.notCovered("62320", List.of()));
        assertNotNull(esi.notCovered("62323", List.of("50")));
        assertNull(esi.notCovered("62323", List.of("RT")));
        assertNull(esi.notCovered("64483", List.of("50")));
        assertTrue(esi.region("62323").covers("B0229"));
        assertTrue(esi.region("62321").covers("M48021"));
        assertTrue(!esi.region("62323").covers("M5412"));
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
}
