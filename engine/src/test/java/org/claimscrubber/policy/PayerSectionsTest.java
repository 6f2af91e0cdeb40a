package org.claimscrubber.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Payer sections of the policy file: what they may say, and how a mistake is refused. */
class PayerSectionsTest {
    private static final String DEFAULT = """
            policies:
              - id: P
                regions:
                  - {name: r, codes: ["62323"], coveredDiagnoses: [M54.16]}
                frequency: {maxSessions: 4, windowDays: 365}
            """;

    @Test
    void aPayerSectionWithAnUnknownKeyIsRefusedWithItsLine() {
        String yaml = DEFAULT + """
                payers:
                  - id: ACME
                    timelyFilingDays: 90
                """;

        Policies.PolicyException e = assertThrows(Policies.PolicyException.class, () -> Policies.parse(yaml, "payers.yaml"));

        assertTrue(e.getMessage().startsWith("payers.yaml:8: unknown key 'timelyFilingDays' in a payer section"), e.getMessage());
    }

    @Test
    void anUnknownKeyInAPayersPolicyIsRefusedWithItsLineToo() {
        String yaml = DEFAULT + """
                payers:
                  - id: ACME
                    policies:
                      - id: P
                        frequency: {maxSession: 2}
                """;

        Policies.PolicyException e = assertThrows(Policies.PolicyException.class, () -> Policies.parse(yaml, "payers.yaml"));

        assertTrue(e.getMessage().startsWith("payers.yaml:10: unknown key 'maxSession' in a payer section"), e.getMessage());
    }

    @Test
    void unknownEditsBadCarcsAndTwoSectionsForOnePayerAreRefused() {
        assertTrue(assertThrows(Policies.PolicyException.class, () -> Policies.parse(DEFAULT + "payers:\n  - id: A\n    disabledEdits: [NCCI]\n",
                "f")).getMessage().contains("disabledEdits names 'NCCI', which is not an edit"));
        assertTrue(assertThrows(Policies.PolicyException.class, () -> Policies.parse(DEFAULT + "payers:\n  - id: A\n"
                + "    disabledEdits: [INVALID_CLAIM]\n", "f")).getMessage().contains("INVALID_CLAIM cannot be turned off"));
        assertTrue(assertThrows(Policies.PolicyException.class, () -> Policies.parse(DEFAULT + "payers:\n  - id: A\n    carcs: {MUE: 151}\n",
                "f")).getMessage().contains("must read like CO-97"));
        assertTrue(assertThrows(Policies.PolicyException.class, () -> Policies.parse(DEFAULT + "payers:\n  - id: A\n  - id: a\n", "f"))
                .getMessage().contains("two payer sections for payer a"));
        assertTrue(assertThrows(Policies.PolicyException.class, () -> Policies.parse(DEFAULT + "payers:\n  - id: A\n    policies:\n"
                + "      - id: P\n        frequency: {maxSessions: 0}\n", "f")).getMessage().contains("(payer A)"));
    }

    @Test
    void aPayerInheritsWhatItDoesNotSay() {
        Policies p = Policies.parse(DEFAULT + """
                payers:
                  - id: ACME
                    policies:
                      - id: P
                        frequency: {maxSessions: 2}
                """, "f");

        Policy acme = p.forPayer("acme").all().get(0);
        assertEquals(2, acme.frequency().maxSessions());
        assertEquals(365, acme.frequency().windowDays(), "the window is the default's");
        assertTrue(acme.region("62323").covers("M5416", true));
        assertSame(p, p.forPayer("OTHER"));
        assertSame(p, p.forPayer(null));
        assertEquals(4, p.all().get(0).frequency().maxSessions(), "the default is unchanged");
    }
}
