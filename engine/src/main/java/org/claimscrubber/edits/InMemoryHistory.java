package org.claimscrubber.edits;

import java.util.HashMap;
import java.util.Map;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.history.HistoryKey;
import org.claimscrubber.history.MemberHistory;

/** Member histories kept in memory, keyed as the stream keys its state store: by member id. */
public final class InMemoryHistory {
    /** A member's current history: one map lookup per claim reads it and keeps the new one. */
    private static final class Slot {
        MemberHistory history = MemberHistory.empty();
    }

    private final Map<String, Slot> members = new HashMap<>();

    /** Judges the claim against its history ({@link HistoryKey}) and keeps the new history. */
    public EditEngine.Outcome apply(EditEngine engine, Claim claim) {
        String key = HistoryKey.of(claim);
        Slot slot = members.get(key);
        if (slot == null) {
            slot = new Slot();
            members.put(key, slot);
        }
        EditEngine.Outcome outcome = engine.evaluate(claim, slot.history);
        slot.history = outcome.history();
        return outcome;
    }
}
