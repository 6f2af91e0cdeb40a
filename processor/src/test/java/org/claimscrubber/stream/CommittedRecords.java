package org.claimscrubber.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.claimscrubber.Eventually;

/**
 * Topics read from the beginning with {@code read_committed}, on every partition, without a consumer group: what a
 * test reads is every committed record once, and reading "to the end" stops at the end as it was when asked (the
 * last stable offset), so a record committed by then is never missed.
 */
public final class CommittedRecords implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();

    public CommittedRecords(Map<String, ?> config, String... topics) {
        consumer = new KafkaConsumer<>(ClientConfigs.connection(config,
                "isolation.level", "read_committed", "enable.auto.commit", false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        partitions = Arrays.stream(topics).flatMap(t -> consumer.partitionsFor(t, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(t, p.partition()))).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every committed record of {@code topics} up to their end as it is now. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(Map<String, ?> config, String... topics) {
        try (CommittedRecords records = new CommittedRecords(config, topics)) {
            return records.toEnd(Duration.ofSeconds(30));
        }
    }

    /** Waits until at least {@code count} records are committed to {@code topics}, then reads on to their end. */
    public static List<ConsumerRecord<byte[], byte[]>> awaitAtLeast(Map<String, ?> config, int count, Duration atMost, String... topics) {
        try (CommittedRecords records = new CommittedRecords(config, topics)) {
            records.until(atMost, count + " records in " + String.join(", ", topics), r -> r.size() >= count);
            return records.toEnd(atMost);
        }
    }

    /** Polls once; returns the records that arrived (also kept in {@link #read()}). */
    public List<ConsumerRecord<byte[], byte[]>> poll() {
        List<ConsumerRecord<byte[], byte[]>> arrived = new ArrayList<>();
        consumer.poll(Duration.ofMillis(100)).forEach(arrived::add);
        read.addAll(arrived);
        return arrived;
    }

    /** Reads until {@code done} holds for everything read so far. */
    public List<ConsumerRecord<byte[], byte[]>> until(Duration atMost, String what, Predicate<List<ConsumerRecord<byte[], byte[]>>> done) {
        Eventually.await(atMost, what, () -> {
            poll();
            return done.test(read);
        }, () -> read.size() + " records");
        return read();
    }

    /** Reads on to the end of every partition as it is now. */
    public List<ConsumerRecord<byte[], byte[]>> toEnd(Duration atMost) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, atMost);
        Eventually.await(atMost, "the end of " + partitions, () -> {
            if (partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                return true;
            }
            poll();
            return false;
        }, () -> read.size() + " records");
        return read();
    }

    /** Everything read so far, in the order read. */
    public List<ConsumerRecord<byte[], byte[]>> read() {
        return List.copyOf(read);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
