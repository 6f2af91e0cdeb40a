package org.claimscrubber.stream;

import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.claimscrubber.reference.ReferenceBuilder;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.serde.AvroDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference as the global stores hold it, with the tallies of the same pass, so that it is known to be the
 * content those tallies describe. A stored row that cannot be used is skipped (log line, metric); a schema registry
 * that does not answer fails the whole pass, to be retried.
 */
record StoreSnapshot(ReferenceData data, Map<ReferenceTable, TableTally> tallies) {
    private static final Logger LOG = LoggerFactory.getLogger(StoreSnapshot.class);

    static StoreSnapshot read(Map<String, KeyValueStore<String, byte[]>> stores, Map<ReferenceTable, AvroDeserializer<Object>> readers,
                              ProcessorEvents events) {
        ReferenceBuilder builder = new ReferenceBuilder();
        Map<ReferenceTable, TableTally> held = new EnumMap<>(ReferenceTable.class);
        for (ReferenceTable table : ReferenceTable.values()) {
            TableTally tally = TableTally.EMPTY;
            try (KeyValueIterator<String, byte[]> rows = stores.get(table.store).all()) {
                while (rows.hasNext()) {
                    var kv = rows.next();
                    tally = tally.plus(kv.key, TableTally.fnv1a(kv.value));
                    try {
                        table.read(readers.get(table), kv.value, builder);
                    } catch (RuntimeException e) {
                        if (DeserializationToDlq.registryUnavailable(e)) {
                            throw e;
                        }
                        LOG.warn("skipped a stored {} row that cannot be used (key {}): {}: {}", table.topic, kv.key, e.getClass().getName(),
                                e.getMessage());
                        events.referenceRecordSkipped(table.topic);
                    }
                }
            }
            held.put(table, tally);
        }
        return new StoreSnapshot(builder.build(), held);
    }
}
