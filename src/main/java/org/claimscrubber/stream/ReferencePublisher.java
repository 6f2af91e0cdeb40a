package org.claimscrubber.stream;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.claimscrubber.reference.CatalogRow;
import org.claimscrubber.reference.MueRow;
import org.claimscrubber.reference.PtpRow;
import org.claimscrubber.reference.ReadReport;
import org.claimscrubber.reference.ReferenceLoader;
import org.claimscrubber.reference.ReferenceVisitor;
import org.claimscrubber.serde.AvroSerializer;
import org.claimscrubber.serde.SerdeConfig;

/**
 * Makes the compacted reference topics hold exactly the rows of a set of CMS files: rows whose bytes are already
 * there are not sent again (reloading the same files changes nothing), changed rows are sent, and keys that the
 * files no longer hold are tombstoned. The whole set is read before anything is sent, so a bad file changes nothing.
 */
public final class ReferencePublisher {
    private final Map<String, Object> config;
    private final PrintStream progress;

    public ReferencePublisher(Map<String, Object> config, PrintStream progress) {
        this.config = config;
        this.progress = progress;
    }

    /** What one load changed per topic. */
    public record Result(Map<String, long[]> sentAndTombstoned) {
    }

    public Result publish(List<ReferenceLoader.Source> sources, String where) {
        ReferenceLoader.load(sources, where);
        ensureTopics();
        Map<String, Map<String, Long>> existing = new HashMap<>();
        for (String t : List.of(ReferenceRecords.PTP, ReferenceRecords.MUE, ReferenceRecords.CODES)) {
            existing.put(t, readHashes(t));
        }
        Map<String, long[]> counts = new HashMap<>();
        Map<String, Set<String>> seen = new HashMap<>();
        AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(SerdeConfig.from(config, false), false);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            ReferenceVisitor sender = new ReferenceVisitor() {
                @Override
                public void ptp(PtpRow row) {
                    send(ReferenceRecords.PTP, ReferenceRecords.key(row), ReferenceRecords.avro(row));
                }

                @Override
                public void mue(LocalDate edition, MueRow row) {
                    send(ReferenceRecords.MUE, ReferenceRecords.key(edition, row), ReferenceRecords.avro(edition, row));
                }

                @Override
                public void code(LocalDate release, String file, CatalogRow row) {
                    send(ReferenceRecords.CODES, ReferenceRecords.key(release, row), ReferenceRecords.avro(release, file, row));
                }

                @Override
                public void report(ReadReport report) {
                    progress.println("read " + report);
                    report.problems().forEach(p -> progress.println("  " + p));
                }

                private void send(String topic, String key, SpecificRecord value) {
                    byte[] bytes = serializer.serialize(topic, value);
                    seen.computeIfAbsent(topic, t -> new HashSet<>()).add(key);
                    Long before = existing.get(topic).get(key);
                    if (before == null || before.longValue() != fingerprint(bytes)) {
                        producer.send(new ProducerRecord<>(topic, key, bytes));
                        long[] c = counts.computeIfAbsent(topic, t -> new long[2]);
                        if (++c[0] % 250_000 == 0) {
                            progress.println(topic + ": " + c[0] + " rows sent");
                        }
                    }
                }
            };
            ReferenceLoader.visit(sources, where, sender);
            for (Map.Entry<String, Map<String, Long>> e : existing.entrySet()) {
                Set<String> kept = seen.getOrDefault(e.getKey(), Set.of());
                for (String key : e.getValue().keySet()) {
                    if (!kept.contains(key)) {
                        producer.send(new ProducerRecord<>(e.getKey(), key, null));
                        counts.computeIfAbsent(e.getKey(), t -> new long[2])[1]++;
                    }
                }
            }
            producer.flush();
        }
        counts.forEach((t, c) -> progress.println(t + ": " + c[0] + " rows sent, " + c[1] + " tombstoned"));
        return new Result(counts);
    }

    private KafkaProducer<String, byte[]> producer() {
        Map<String, Object> p = ClientConfigs.connection(config);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private void ensureTopics() {
        try (Admin admin = Admin.create(ClientConfigs.connection(config))) {
            Set<String> names = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String t : List.of(ReferenceRecords.PTP, ReferenceRecords.MUE, ReferenceRecords.CODES)) {
                if (!names.contains(t)) {
                    missing.add(new NewTopic(t, 1, (short) -1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the reference topics: " + e.getCause().getMessage(), e);
        }
    }

    /** The current value-bytes hash of every live key of a compacted topic. */
    private Map<String, Long> readHashes(String topic) {
        Map<String, Long> hashes = new HashMap<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(ClientConfigs.connection(config,
                "group.id", "claim-scrubber-loader-" + UUID.randomUUID(), "enable.auto.commit", false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    if (r.value() == null) {
                        hashes.remove(r.key());
                    } else {
                        hashes.put(r.key(), fingerprint(r.value()));
                    }
                }
            }
        }
        return hashes;
    }

    /** A 64-bit fingerprint of a value's bytes (FNV-1a), to tell an unchanged row from a changed one. */
    static long fingerprint(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }
}
