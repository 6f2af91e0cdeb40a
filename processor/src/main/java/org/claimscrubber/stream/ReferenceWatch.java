package org.claimscrubber.stream;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueStore;
import org.claimscrubber.avro.ReferenceLoad;
import org.claimscrubber.avro.ReferenceTableLoad;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.serde.AvroDeserializer;
import org.claimscrubber.serde.SerdeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the reference topics' content in force, on a thread of its own, when and only when the global stores hold
 * exactly what the newest load marker says (rows and digest of each table): never a half-written load, an empty
 * table, or a mix of two loads, whatever order the topics are read in. A check runs once the stores have been
 * quiet for half a second after a change: it builds the reference and tallies the stores in one pass, and keeps the
 * result only when the tallies match. A new marker over unchanged rows (the same files loaded again) needs no pass.
 */
final class ReferenceWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceWatch.class);
    private static final long TICK_MS = 100;
    private static final long SETTLE_MS = 500;
    private static final long REGISTRY_RETRY_MS = 5_000;

    private final Consumer<ReferenceData> inForce;
    private final ProcessorEvents events;
    private final Map<String, KeyValueStore<String, byte[]>> stores = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong rowChanges = new AtomicLong();
    private volatile long lastChange;
    private ScheduledExecutorService timer;

    // The rest is touched by the watch thread only.
    private long checked = -1;
    private long retryAt;
    private Map<ReferenceTable, TableTally> current;
    private long rowsInForce = -1;
    private String currentLoad;
    private String waitingFor;
    private final AvroDeserializer<ReferenceLoad> markers;
    private final Map<ReferenceTable, AvroDeserializer<Object>> readers = new EnumMap<>(ReferenceTable.class);


    ReferenceWatch(SerdeConfig serde, ProcessorEvents events, Consumer<ReferenceData> inForce) {
        this.inForce = inForce;
        this.events = events;
        this.markers = new AvroDeserializer<>(ReferenceLoad.getClassSchema(), serde);
        for (ReferenceTable table : ReferenceTable.values()) {
            readers.put(table, table.reader(serde));
        }
    }

    /** A global store is open; the watch starts once all four are. */
    void attach(String name, KeyValueStore<String, byte[]> store) {
        stores.put(name, store);
        if (stores.size() == ReferenceTable.values().length + 1) {
            start();
        }
    }

    /** A record was applied to one of the stores: a row, or a load marker. */
    void changed(boolean row) {
        lastChange = System.currentTimeMillis();
        changes.incrementAndGet();
        if (row) {
            rowChanges.incrementAndGet();
        }
    }

    private synchronized void start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "reference-watch");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void stop() {
        if (timer != null) {
            timer.shutdown();
            timer = null;
        }
        stores.clear();
    }

    private void tick() {
        long now = System.currentTimeMillis();
        long seen = changes.get();
        try {
            if (stores.values().stream().anyMatch(s -> !s.isOpen())) {
                stop();
            } else if (seen != checked && now - lastChange >= SETTLE_MS && now >= retryAt) {
                if (check()) {
                    checked = seen;
                } else {
                    retryAt = now + REGISTRY_RETRY_MS;
                }
            }
        } catch (InvalidStateStoreException e) {
            stop();
        } catch (RuntimeException e) {
            LOG.warn("reference check failed, retried after the next change: {}: {}", e.getClass().getName(), e.getMessage());
            checked = seen;
        }
    }

    /** @return false when the check must be retried (the schema registry did not answer) */
    private boolean check() {
        try {
            ReferenceLoad marker = marker();
            if (marker == null) {
                waiting("no completed load read from " + ReferenceRecords.LOADS + " so far");
                return true;
            }
            Map<ReferenceTable, TableTally> expected = expected(marker);
            if (expected == null) {
                waiting("load " + marker.getLoadId() + " lacks a table; it is never put in force");
                return true;
            }
            long rows = rowChanges.get();
            if (expected.equals(current) && rows == rowsInForce) {
                if (!marker.getLoadId().equals(currentLoad)) {
                    LOG.info("load {} leaves the reference in force unchanged", marker.getLoadId());
                    currentLoad = marker.getLoadId();
                }
                return true;
            }
            long started = System.nanoTime();
            StoreSnapshot built = StoreSnapshot.read(stores, readers, events);
            if (!built.tallies().equals(expected)) {
                waiting("load " + marker.getLoadId() + " not complete yet: " + progress(built.tallies(), expected));
                return true;
            }
            rowsInForce = rows;
            if (expected.equals(current)) {
                return true;
            }
            inForce.accept(built.data());
            current = expected;
            currentLoad = marker.getLoadId();
            waitingFor = null;
            ReferenceData data = built.data();
            LOG.info("reference in force: load {} of {} ({}): {} PTP rows, {} MUE editions, {} fee-schedule releases (checked and built in {} ms)",
                    marker.getLoadId(), marker.getLoadedAt(), marker.getSource(), data.ptp().size(), data.mue().editions().size(),
                    data.fees().releases().size(), (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (RuntimeException e) {
            if (DeserializationToDlq.registryUnavailable(e)) {
                waiting("the schema registry does not answer (" + e.getMessage() + "); checked again in " + REGISTRY_RETRY_MS / 1000 + " s");
                return false;
            }
            throw e;
        }
    }

    private ReferenceLoad marker() {
        byte[] bytes = stores.get(ReferenceStores.LOADS_STORE).get(ReferenceRecords.LOAD_KEY);
        return bytes == null ? null : markers.deserialize(ReferenceRecords.LOADS, bytes);
    }

    /**
     * What the marker says each table holds; null when one of the three tables every load needs is missing or empty.
     * An optional table (add-on codes, ICD-10-CM) may be empty, and a marker that does not name it means empty.
     */
    private static Map<ReferenceTable, TableTally> expected(ReferenceLoad marker) {
        Map<ReferenceTable, TableTally> expected = new EnumMap<>(ReferenceTable.class);
        for (ReferenceTable table : ReferenceTable.values()) {
            if (!table.required) {
                expected.put(table, TableTally.EMPTY);
            }
        }
        for (ReferenceTableLoad t : marker.getTables()) {
            for (ReferenceTable table : ReferenceTable.values()) {
                if (table.topic.equals(t.getTopic()) && (t.getRows() > 0 || !table.required)) {
                    expected.put(table, new TableTally(t.getRows(), t.getDigest()));
                }
            }
        }
        return expected.size() == ReferenceTable.values().length ? expected : null;
    }

    private static String progress(Map<ReferenceTable, TableTally> held, Map<ReferenceTable, TableTally> expected) {
        StringBuilder s = new StringBuilder();
        for (ReferenceTable t : ReferenceTable.values()) {
            TableTally h = held.get(t);
            TableTally e = expected.get(t);
            s.append(s.isEmpty() ? "" : ", ").append(t.topic).append(' ').append(h.rows()).append(" of ").append(e.rows()).append(" rows")
                    .append(h.rows() == e.rows() && h.digest() != e.digest() ? " (other content)" : "");
        }
        return s.toString();
    }

    /** Logs why the reference is not (or not yet) put in force, once per reason. */
    private void waiting(String reason) {
        if (!reason.equals(waitingFor)) {
            waitingFor = reason;
            LOG.info("reference not put in force: {}", reason);
        }
    }
}
