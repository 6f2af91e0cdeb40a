package org.claimscrubber.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import org.claimscrubber.Scrubber;
import org.claimscrubber.claim.ClaimJson;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.edits.EditCode;
import org.junit.jupiter.api.Test;

class ClaimGeneratorTest {
    private static String generate(int count, long seed, double errorRate) {
        StringWriter out = new StringWriter();
        new ClaimGenerator(seed, errorRate).write(count, out);
        return out.toString();
    }

    @Test
    void sameSeedSameBytes() {
        assertEquals(generate(2000, 7, 0.15), generate(2000, 7, 0.15));
        assertNotEquals(generate(2000, 7, 0.15), generate(2000, 8, 0.15));
        assertEquals(2000, generate(2000, 7, 0.15).lines().count());
    }

    @Test
    void cleanStreamIsAcceptedApartFromBypassNotes() {
        Scrubber scrubber = Scrubber.sample();
        for (String line : generate(3000, 3, 0).lines().toList()) {
            Decision d = scrubber.judge(ClaimJson.read(line));
            assertEquals(Disposition.ACCEPTED, d.disposition(), () -> d.findings().toString());
        }
    }

    @Test
    void errorStreamExercisesEveryEditAndRedeliveryAndVoid() {
        Scrubber scrubber = Scrubber.sample();
        Set<String> edits = new HashSet<>();
        int redelivered = 0;
        int voided = 0;
        for (String line : generate(6000, 5, 0.5).lines().toList()) {
            Decision d = scrubber.judge(ClaimJson.read(line));
            if (d == null) {
                redelivered++;
                continue;
            }
            voided += d.disposition() == Disposition.VOIDED ? 1 : 0;
            d.findings().stream().map(Finding::edit).forEach(edits::add);
        }
        Set<String> every = new HashSet<>();
        for (EditCode e : EditCode.values()) {
            every.add(e.name());
        }
        assertEquals(every, edits, "every edit code appears in the error share");
        assertTrue(redelivered > 0);
        assertTrue(voided > 0);
    }

    /** check's and demo's processing clock is never before LAST_DATE, so a generated stream stays valid on any day. */
    @Test
    void noGeneratedDateIsAfterLastDateButTheDeliberatelyFutureOnes() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(?:serviceDate|submittedAt)\":\"(\\d{4}-\\d{2}-\\d{2})")
                .matcher(generate(6000, 5, 0.5));
        int future = 0;
        while (m.find()) {
            java.time.LocalDate d = org.claimscrubber.claim.IsoDates.parse(m.group(1));
            if (d == null) {
                continue;
            }
            future += d.getYear() == 2099 ? 1 : 0;
            assertTrue(d.getYear() == 2099 || !d.isAfter(ClaimGenerator.LAST_DATE), d::toString);
        }
        assertTrue(future > 0);
    }
}
