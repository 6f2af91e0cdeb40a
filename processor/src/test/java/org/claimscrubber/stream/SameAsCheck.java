package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.claim.ClaimJson;
import org.claimscrubber.cli.CompareDecisions;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.edits.InMemoryHistory;

/**
 * The stream's decisions held against {@code check}'s: the engine over the same events in the same order, member
 * history in memory. Exactly one decision per expected event id, none for any other, each equal to check's.
 */
final class SameAsCheck {
    private static final int SHOWN = 20;

    private SameAsCheck() {
    }

    /** Check's decision for each event (JSON Lines, in order), by event id; a redelivery has none. */
    static Map<String, Decision> decisions(EditEngine engine, List<String> events) {
        return judge(engine, events.stream().map(ClaimJson::read).toList());
    }

    /** As {@link #decisions(EditEngine, List)}, for events already read. */
    static Map<String, Decision> judge(EditEngine engine, List<Claim> claims) {
        Map<String, Decision> expected = new LinkedHashMap<>();
        InMemoryHistory history = new InMemoryHistory();
        for (Claim c : claims) {
            Decision d = history.apply(engine, c).decision();
            if (d != null) {
                expected.put(d.eventId(), d);
            }
        }
        return expected;
    }

    /** The set of event ids is exactly the expected one, no id twice, and {@code compare} finds no difference. */
    static void assertSameDecisions(Map<String, Decision> expected, List<Decision> actual) {
        assertOnePerEvent(expected.keySet(), actual);
        CompareDecisions.Result compared = CompareDecisions.compare(expected.values(), actual);
        assertEquals(0, compared.exitStatus(), "decisions differ from check's: " + compared.report());
    }

    /** Exactly one decision for each expected event id, none for any other. */
    static void assertOnePerEvent(Set<String> expected, List<Decision> actual) {
        Set<String> ids = new HashSet<>();
        Set<String> duplicated = new TreeSet<>();
        for (Decision d : actual) {
            if (!ids.add(d.eventId())) {
                duplicated.add(d.eventId());
            }
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(ids);
        Set<String> extra = new TreeSet<>(ids);
        extra.removeAll(expected);
        assertEquals(List.of(), first(duplicated), duplicated.size() + " event ids with more than one decision");
        assertEquals(List.of(), first(missing), missing.size() + " expected event ids without a decision");
        assertEquals(List.of(), first(extra), extra.size() + " decisions for event ids that should have none");
    }

    private static List<String> first(Set<String> ids) {
        return ids.stream().limit(SHOWN).toList();
    }
}
