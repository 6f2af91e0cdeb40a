package org.claimscrubber.stream;

import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.claimscrubber.avro.PolicyFileRecord;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.serde.AvroDeserializer;
import org.claimscrubber.serde.SerdeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy file on {@code reference.policies} as a global store: every instance puts the newest usable file in force
 * for the next claim, without a restart (when restored at start, and on each new record); a tombstone puts the
 * processor's own file back. A record that cannot be read or parsed is skipped with one log line, and the policies in
 * force stay (load-policies checks a file before it sends it, so this takes another writer).
 */
final class PolicyStore {
    static final String STORE = "reference-policies";
    private static final Logger LOG = LoggerFactory.getLogger(PolicyStore.class);

    private PolicyStore() {
    }

    /** @param inForce gets the policies to put in force, or null to go back to the processor's own */
    static void add(StreamsBuilder builder, Map<String, Object> config, Consumer<Policies> inForce) {
        SerdeConfig serde = SerdeConfig.from(config, false);
        Topic<String, byte[]> topic = TopicRegistry.from(config).policies();
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(), topic.name(), topic.consumed(STORE + "-source"),
                () -> new Updater(new AvroDeserializer<>(PolicyFileRecord.getClassSchema(), serde), inForce));
    }

    private static final class Updater implements Processor<String, byte[], Void, Void> {
        private final AvroDeserializer<PolicyFileRecord> reader;
        private final Consumer<Policies> inForce;
        private KeyValueStore<String, byte[]> store;

        Updater(AvroDeserializer<PolicyFileRecord> reader, Consumer<Policies> inForce) {
            this.reader = reader;
            this.inForce = inForce;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
            byte[] restored = store.get(ReferenceRecords.POLICIES_KEY);
            if (restored != null) {
                apply(restored);
            }
        }

        @Override
        public void process(Record<String, byte[]> record) {
            if (!ReferenceRecords.POLICIES_KEY.equals(record.key())) {
                LOG.warn("skipped a record on {} under key '{}' (the policy file is under '{}')", ReferenceRecords.POLICIES, record.key(),
                        ReferenceRecords.POLICIES_KEY);
            } else if (record.value() == null) {
                store.delete(record.key());
                inForce.accept(null);
                LOG.info("policy file on {} removed: the processor's own policies are in force again", ReferenceRecords.POLICIES);
            } else if (apply(record.value())) {
                store.put(record.key(), record.value());
            }
        }

        private boolean apply(byte[] value) {
            try {
                PolicyFileRecord file = reader.deserialize(ReferenceRecords.POLICIES, value);
                Policies policies = Policies.parse(file.getYaml(), file.getSource());
                inForce.accept(policies);
                LOG.info("policies in force: {} of {} ({} policies, {} payer sections)", file.getSource(), file.getLoadedAt(),
                        policies.all().size(), policies.payers().size());
                return true;
            } catch (RuntimeException e) {
                LOG.warn("skipped a policy file on {}: {}; the policies in force stay", ReferenceRecords.POLICIES, e.getMessage());
                return false;
            }
        }
    }
}
