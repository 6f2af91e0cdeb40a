package org.claimscrubber.stream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Counts the committed records of a topic by reading it to its end (offsets alone would count transaction markers). */
public final class TopicCounter {
    private TopicCounter() {
    }

    public static long count(Map<String, Object> config, String topic, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(ClientConfigs.connection(config,
                "group.id", "claim-scrubber-counter-" + UUID.randomUUID(), "isolation.level", "read_committed",
                "enable.auto.commit", false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions, timeout);
            long count = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && partitions.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                count += c.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }
}
