package org.claimscrubber.stream;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.claimscrubber.avro.ReferenceLoad;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.serde.AvroDeserializer;
import org.claimscrubber.serde.SerdeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference topics as global stores: every instance holds the full tables, as the bytes the topics carry.
 * Values are read as bytes and checked here, so a bad record never reaches Kafka Streams' error handlers: one that
 * cannot be decoded or converted into a row is skipped with a log line and a metric, and the store keeps what it
 * had. {@link ReferenceWatch} puts the content in force once it matches the newest load marker.
 */
final class ReferenceStores {
    static final String PTP_STORE = "reference-ptp";
    static final String MUE_STORE = "reference-mue";
    static final String CODES_STORE = "reference-codes";
    static final String ADD_ONS_STORE = "reference-addons";
    static final String DIAGNOSES_STORE = "reference-diagnoses";
    static final String LOCALITIES_STORE = "reference-localities";
    static final String LOADS_STORE = "reference-loads";
    /** The judge's refresh interval. */
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceStores.class);

    private final ReferenceWatch watch;
    private final ProcessorEvents events;

    private ReferenceStores(ReferenceWatch watch, ProcessorEvents events) {
        this.watch = watch;
        this.events = events;
    }

    static ReferenceStores add(StreamsBuilder builder, Map<String, Object> config, Consumer<ReferenceData> inForce) {
        SerdeConfig serde = SerdeConfig.from(config, false);
        ReferenceStores stores = new ReferenceStores(new ReferenceWatch(serde, ProcessorEvents.from(config), inForce),
                ProcessorEvents.from(config));
        TopicRegistry topics = TopicRegistry.from(config);
        for (ReferenceTable table : ReferenceTable.values()) {
            stores.store(builder, topics.reference(table.topic), table.store, true, () -> {
                AvroDeserializer<Object> reader = table.reader(serde);
                return value -> table.read(reader, value, ReferenceTable.CHECK_ONLY);
            });
        }
        stores.store(builder, topics.loads(), LOADS_STORE, false, () -> {
            AvroDeserializer<ReferenceLoad> reader = new AvroDeserializer<>(ReferenceLoad.getClassSchema(), serde);
            return value -> reader.deserialize(ReferenceRecords.LOADS, value).getTables().size();
        });
        return stores;
    }

    /** Checks that a value is usable; throws when it is not. */
    private interface Check {
        void check(byte[] value);
    }

    private void store(StreamsBuilder builder, Topic<String, byte[]> topic, String name, boolean rows, Supplier<Check> checks) {
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(), topic.name(), topic.consumed(name + "-source"),
                () -> new StoreProcessor(name, rows, checks.get()));
    }

    /** Called by the judge's tasks; the reference is checked and put in force by {@link ReferenceWatch}, on its own thread. */

    /** Keeps one global store equal to its topic's usable records and tells the watch of each change. */
    private final class StoreProcessor implements Processor<String, byte[], Void, Void> {
        private final String name;
        private final boolean rows;
        private final Check check;
        private ProcessorContext<Void, Void> context;
        private KeyValueStore<String, byte[]> store;
        private boolean registryDown;

        StoreProcessor(String name, boolean rows, Check check) {
            this.name = name;
            this.rows = rows;
            this.check = check;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
            this.store = context.getStateStore(name);
            watch.attach(name, store);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            if (record.key() == null) {
                skip("a record without a key");
            } else if (record.value() == null) {
                store.delete(record.key());
                watch.changed(rows);
            } else if (usable(record.value())) {
                store.put(record.key(), record.value());
                watch.changed(rows);
            }
        }

        private boolean usable(byte[] value) {
            try {
                check.check(value);
                registryDown = false;
                return true;
            } catch (RuntimeException e) {
                if (DeserializationToDlq.registryUnavailable(e)) {
                    if (!registryDown) {
                        registryDown = true;
                        LOG.warn("schema registry unavailable while reading {}: rows are kept and checked when the reference is built ({})",
                                name, e.getMessage());
                    }
                    return true;
                }
                skip(e.getClass().getName() + ": " + e.getMessage());
                return false;
            }
        }

        private void skip(String why) {
            RecordMetadata at = context.recordMetadata().orElse(null);
            String where = at == null ? name : at.topic() + "-" + at.partition() + "@" + at.offset();
            LOG.warn("skipped a bad reference record at {}: {}", where, why);
            events.referenceRecordSkipped(at == null ? name : at.topic());
        }
    }
}
