package org.claimscrubber.edits;

import java.util.HashMap;
import java.util.Map;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.history.HistoryKey;
import org.claimscrubber.history.MemberHistory;

/** Member histories kept in memory, keyed as the stream keys its state store: by member id. */
public final class InMemoryHistory {
    private final Map<String, MemberHistory> members = new HashMap<>();

    /** Judges the claim against its history ({@link HistoryKey}) and keeps the new history. */
    public EditEngine.Outcome apply(EditEngine engine, Claim claim) {
        String key = HistoryKey.of(claim);
        EditEngine.Outcome outcome = engine.evaluate(claim, members.getOrDefault(key, MemberHistory.empty()));
        members.put(key, outcome.history());
        return outcome;
    }
}
