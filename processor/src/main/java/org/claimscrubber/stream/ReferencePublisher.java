package org.claimscrubber.stream;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.reference.ReferenceException;
import org.claimscrubber.reference.ReferenceLoader;
import org.claimscrubber.serde.AvroSerializer;
import org.claimscrubber.serde.SerdeConfig;

/**
 * Makes the compacted reference topics hold exactly the rows of a set of CMS files, in one Kafka transaction that
 * ends with a load marker on {@code reference.loads} (the rows and digest each topic then holds). Rows whose bytes
 * are already there are not sent again, changed rows are sent, vanished keys are tombstoned. The files are read and
 * checked before anything is sent, a load must hold all three tables, and every send is acknowledged before the
 * load is reported: otherwise the transaction is aborted and nothing of it becomes visible. One transactional id
 * for every loader fences a second load that starts while one runs.
 */
public final class ReferencePublisher {
    /** The transactional id every reference loader shares, so that two loads never interleave. */
    public static final String TRANSACTIONAL_ID = "claim-scrubber-reference-loader";
    static final List<String> ROW_TOPICS = ReferenceRecords.ROW_TOPICS;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, Object> config;
    private final PrintStream progress;

    public ReferencePublisher(Map<String, Object> config, PrintStream progress) {
        this.config = config;
        this.progress = progress;
    }

    /** What one load changed per topic (rows sent, tombstones sent), and its id on {@code reference.loads}. */
    public record Result(Map<String, long[]> sentAndTombstoned, String loadId) {
    }

    /**
     * @throws ReferenceException a file cannot be used, or a table is missing (nothing was sent)
     * @throws PublishException the cluster could not be reached or refused a record (nothing became visible)
     */
    public Result publish(List<ReferenceLoader.Source> sources, String where) {
        requireAllTables(ReferenceLoader.load(sources, where), where);
        try {
            ReferenceTopics.ensure(client(), TIMEOUT);
        } catch (Exception e) {
            throw PublishException.of("cannot create the reference topics on " + config.get("bootstrap.servers"), e);
        }
        try (KafkaProducer<String, byte[]> producer = producer()) {
            try {
                producer.initTransactions();
            } catch (KafkaException e) {
                throw PublishException.of("cannot start the load's transaction on " + config.get("bootstrap.servers"), e);
            }
            Map<String, Map<String, Long>> existing = new HashMap<>();
            for (String t : ROW_TOPICS) {
                existing.put(t, readHashes(t));
            }
            ReferenceLoadRun load = new ReferenceLoadRun(producer, existing, new AvroSerializer<>(SerdeConfig.from(config, false), false),
                    progress);
            try {
                producer.beginTransaction();
                ReferenceLoader.visit(sources, where, load);
                load.tombstoneVanished();
                load.mark(where);
                producer.flush();
                load.sends.throwIfRefused();
                producer.commitTransaction();
            } catch (RuntimeException e) {
                abort(producer);
                if (e instanceof ReferenceException) {
                    throw e;
                }
                if (fenced(e)) {
                    throw new PublishException("another load-reference run started and took over; this load was abandoned", e);
                }
                load.sends.throwIfRefused();
                throw e instanceof PublishException p ? p : PublishException.of("the load was not committed", e);
            }
            load.report();
            return new Result(load.counts, load.id);
        }
    }

    /** A load replaces the whole reference: one without PTP, MUE or fee-schedule rows would empty that table. */
    private static void requireAllTables(ReferenceData data, String where) {
        List<String> missing = new ArrayList<>();
        if (data.ptp().size() == 0) {
            missing.add("NCCI PTP (ccipra-*.txt)");
        }
        if (data.mue().editions().isEmpty()) {
            missing.add("MUE (MCR_MUE_PractitionerServices_Eff_*.csv)");
        }
        if (data.fees().releases().isEmpty()) {
            missing.add("fee schedule (PPRRVU*.csv)");
        }
        if (!missing.isEmpty()) {
            throw new ReferenceException(where, 0, "a load needs all three tables; no " + String.join(", no ", missing) + " rows");
        }
    }

    private static boolean fenced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.kafka.common.errors.ProducerFencedException
                    || t instanceof org.apache.kafka.common.errors.InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    private static void abort(KafkaProducer<String, byte[]> producer) {
        try {
            producer.abortTransaction();
        } catch (KafkaException | IllegalStateException ignored) {
            // Fenced or never begun: nothing of this load is visible either way.
        }
    }

    private Map<String, Object> client() {
        return ClientConfigs.withTimeouts(config);
    }

    private KafkaProducer<String, byte[]> producer() {
        Map<String, Object> p = ClientConfigs.withTimeouts(config, ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 900_000);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Topic<String, byte[]> reference = TopicRegistry.from(config).loads();
        return new KafkaProducer<>(p, reference.keySerde().serializer(), reference.valueSerde().serializer());
    }

    /** The current value-bytes fingerprint of every live key of a compacted topic, committed records only. */
    private Map<String, Long> readHashes(String topic) {
        Map<String, Long> hashes = new HashMap<>();
        Topic<String, byte[]> reference = TopicRegistry.from(config).reference(topic);
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(ClientConfigs.withTimeouts(config,
                "group.id", "claim-scrubber-loader-" + UUID.randomUUID(), "enable.auto.commit", false, "isolation.level", "read_committed"),
                reference.keySerde().deserializer(), reference.valueSerde().deserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            long read = 0;
            while (partitions.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    if (r.key() == null) {
                        continue;
                    } else if (r.value() == null) {
                        hashes.remove(r.key());
                    } else {
                        hashes.put(r.key(), TableTally.fnv1a(r.value()));
                    }
                }
                long position = partitions.stream().mapToLong(c::position).sum();
                if (position > read) {
                    read = position;
                    deadline = System.nanoTime() + TIMEOUT.toNanos();
                } else if (System.nanoTime() > deadline) {
                    throw new org.apache.kafka.common.errors.TimeoutException("no progress reading " + topic + " for " + TIMEOUT.toSeconds() + " s");
                }
            }
        } catch (KafkaException e) {
            throw PublishException.of("cannot read " + topic, e);
        }
        return hashes;
    }
}
