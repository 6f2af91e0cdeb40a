package org.claimscrubber.stream;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.claimscrubber.avro.CodeReferenceRow;
import org.claimscrubber.avro.MueReferenceRow;
import org.claimscrubber.avro.PtpReferenceRow;
import org.claimscrubber.reference.ReferenceBuilder;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.serde.AvroSerde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference topics as global stores: every instance holds the full tables, and the global stores are restored
 * before any stream task starts. The reference is built from the stores when the first task starts, and again
 * once a reload has left them unchanged for a second; it is then put in force without a restart.
 */
final class ReferenceStores {
    static final String PTP_STORE = "reference-ptp";
    static final String MUE_STORE = "reference-mue";
    static final String CODES_STORE = "reference-codes";
    static final Duration QUIET = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceStores.class);

    private final Consumer<ReferenceData> inForce;
    private volatile long lastChange = -1;
    private volatile boolean changedSinceBuild;
    private boolean built;

    private ReferenceStores(Consumer<ReferenceData> inForce) {
        this.inForce = inForce;
    }

    static ReferenceStores add(StreamsBuilder builder, Map<String, Object> config, Consumer<ReferenceData> inForce) {
        ReferenceStores stores = new ReferenceStores(inForce);
        stores.store(builder, config, ReferenceRecords.PTP, PTP_STORE, PtpReferenceRow.class);
        stores.store(builder, config, ReferenceRecords.MUE, MUE_STORE, MueReferenceRow.class);
        stores.store(builder, config, ReferenceRecords.CODES, CODES_STORE, CodeReferenceRow.class);
        return stores;
    }

    private <V extends SpecificRecord> void store(StreamsBuilder builder, Map<String, Object> config, String topic, String name,
                                                  Class<V> type) {
        AvroSerde<V> serde = AvroSerde.of(type, config, false);
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), serde).withLoggingDisabled(),
                topic, Consumed.with(Serdes.String(), serde).withName(name + "-source"), () -> new StoreProcessor<V>(name));
    }

    /**
     * Called by stream tasks: builds the reference the first time, and again when the stores changed and have been
     * quiet for a second. Synchronised, so several tasks build it once.
     */
    synchronized void refresh(ProcessorContext<?, ?> context, long now) {
        if (built && !(changedSinceBuild && now - lastChange >= QUIET.toMillis())) {
            return;
        }
        changedSinceBuild = false;
        built = true;
        long started = System.nanoTime();
        ReferenceBuilder builder = new ReferenceBuilder();
        ReadOnlyKeyValueStore<String, PtpReferenceRow> ptp = context.getStateStore(PTP_STORE);
        ReadOnlyKeyValueStore<String, MueReferenceRow> mue = context.getStateStore(MUE_STORE);
        ReadOnlyKeyValueStore<String, CodeReferenceRow> codes = context.getStateStore(CODES_STORE);
        try (KeyValueIterator<String, PtpReferenceRow> rows = ptp.all()) {
            rows.forEachRemaining(kv -> builder.ptp(ReferenceRecords.row(kv.value)));
        }
        try (KeyValueIterator<String, MueReferenceRow> rows = mue.all()) {
            rows.forEachRemaining(kv -> builder.mue(LocalDate.parse(kv.value.getEdition()), ReferenceRecords.row(kv.value)));
        }
        try (KeyValueIterator<String, CodeReferenceRow> rows = codes.all()) {
            rows.forEachRemaining(kv -> builder.code(LocalDate.parse(kv.value.getRelease()), kv.value.getFile(), ReferenceRecords.row(kv.value)));
        }
        ReferenceData data = builder.build();
        inForce.accept(data);
        LOG.info("reference in force: {} PTP rows, {} MUE editions, {} fee-schedule releases (built in {} ms)", data.ptp().size(),
                data.mue().editions().size(), data.fees().releases().size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Keeps one global store up to date and notes the change. */
    private final class StoreProcessor<V> implements Processor<String, V, Void, Void> {
        private final String name;
        private KeyValueStore<String, V> store;

        StoreProcessor(String name) {
            this.name = name;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.store = context.getStateStore(name);
        }

        @Override
        public void process(Record<String, V> record) {
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
            lastChange = System.currentTimeMillis();
            changedSinceBuild = true;
        }
    }
}
