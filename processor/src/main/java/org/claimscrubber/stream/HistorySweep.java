package org.claimscrubber.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.history.MemberHistory;

/**
 * Deletes the stored histories that have aged out entirely ({@link EditEngine#aged} leaves nothing): a member who stops
 * sending claims, and every claim without a member id (a history of its own, {@code HistoryKey}), would otherwise keep
 * a store entry and a changelog record for ever. Each run reads at most {@link #BATCH} entries, resuming after the
 * last key of the run before and starting over at the end, so the stream thread is never held for long; histories
 * that still hold something are left as they are (the member's next claim prunes them).
 */
final class HistorySweep {
    /** How often the task sweeps (wall-clock time). */
    static final Duration INTERVAL = Duration.ofSeconds(30);
    static final int BATCH = 1_000;

    private String resumeAfter;

    /** Sweeps the next batch of {@code store} through {@code cache}; returns the number of histories deleted. */
    int run(KeyValueStore<String, MemberHistory> store, HistoryCache cache, EditEngine engine) {
        List<String> expired = new ArrayList<>();
        String last = null;
        boolean more;
        try (KeyValueIterator<String, MemberHistory> it = resumeAfter == null ? store.all() : store.range(resumeAfter, null)) {
            int read = 0;
            while (read < BATCH && it.hasNext()) {
                KeyValue<String, MemberHistory> entry = it.next();
                if (entry.key.equals(resumeAfter)) {
                    continue;
                }
                read++;
                last = entry.key;
                MemberHistory aged = engine.aged(entry.value);
                if (aged.claims().isEmpty() && aged.events().isEmpty()) {
                    expired.add(entry.key);
                }
            }
            more = it.hasNext();
        }
        resumeAfter = more ? last : null;
        for (String key : expired) {
            cache.delete(key);
        }
        return expired.size();
    }
}
