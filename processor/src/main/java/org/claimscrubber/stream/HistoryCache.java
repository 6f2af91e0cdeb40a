package org.claimscrubber.stream;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.claimscrubber.history.HistoryCodec;
import org.claimscrubber.history.HistoryKey;
import org.claimscrubber.history.MemberHistory;

/**
 * The member histories a task has read or written lately, decoded, in front of its history store: a member's
 * history is decoded once, not once per claim. Write-through (every {@link #put} writes the store first), so what
 * it holds is what the store holds as long as the task is the store's only writer; the task clears it whenever
 * the store may have changed beneath it (init and close: a revoked, reset or aborted task is closed and
 * re-initialised, its store restored). Bounded by the encoded size of what it holds, least recently used out first.
 */
final class HistoryCache {
    /** The most encoded bytes of history one task keeps decoded; 0 turns the cache off. */
    static final String BYTES_CONFIG = "claimscrubber.history.cache.bytes";
    static final long DEFAULT_BYTES = 4L << 20;

    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private KeyValueStore<String, MemberHistory> store;
    private long bytes;

    private record Entry(MemberHistory history, int size) {
    }

    HistoryCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    static long maxBytes(Map<String, ?> config) {
        Object v = config.get(BYTES_CONFIG);
        return v == null ? DEFAULT_BYTES : Long.parseLong(v.toString().strip());
    }

    /** Starts over on {@code store}: nothing cached. */
    void attach(KeyValueStore<String, MemberHistory> store) {
        this.store = store;
        clear();
    }

    /** The member's history as the store holds it (null: none). */
    MemberHistory get(String key) {
        Entry e = entries.get(key);
        if (e != null) {
            return e.history();
        }
        MemberHistory h = store.get(key);
        if (h != null) {
            remember(key, h);
        }
        return h;
    }

    /** Writes the history to the store, then keeps it. */
    void put(String key, MemberHistory history) {
        store.put(key, history);
        remember(key, history);
    }

    /** Deletes the history from the store and forgets it. */
    void delete(String key) {
        store.delete(key);
        Entry old = entries.remove(key);
        if (old != null) {
            bytes -= old.size();
        }
    }

    void clear() {
        entries.clear();
        bytes = 0;
    }

    private void remember(String key, MemberHistory history) {
        Entry old = entries.remove(key);
        if (old != null) {
            bytes -= old.size();
        }
        if (maxBytes <= 0 || HistoryKey.isClaimOwn(key)) { // a claim's own history is read once: caching it evicts members'
            return;
        }
        int size = HistoryCodec.size(history);
        entries.put(key, new Entry(history, size));
        bytes += size;
        Iterator<Entry> eldest = entries.values().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().size();
            eldest.remove();
        }
    }
}
