package org.claimscrubber.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.decision.Decision;

/** Reads committed decisions from both output topics, from the beginning, until told to stop or idle. */
public final class DecisionReader implements AutoCloseable {
    private final KafkaConsumer<String, ClaimDecision> consumer;

    public DecisionReader(Map<String, Object> config) {
        TopicRegistry topics = TopicRegistry.from(config);
        Map<String, Object> c = new java.util.HashMap<>(config);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "claim-scrubber-reader-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Topic<String, ClaimDecision> accepted = topics.accepted();
        consumer = new KafkaConsumer<>(onlyClientKeys(c), accepted.keySerde().deserializer(), accepted.valueSerde().deserializer());
        consumer.subscribe(List.of(accepted.name(), topics.flagged().name()));
    }

    private static Map<String, Object> onlyClientKeys(Map<String, Object> config) {
        Map<String, Object> c = new java.util.HashMap<>();
        config.forEach((k, v) -> {
            if (ConsumerConfig.configNames().contains(k) || ClientConfigs.isConnectionKey(k)) {
                c.put(k, v);
            }
        });
        return c;
    }

    /** Polls once, handing each decision to the sink; returns how many arrived. */
    public int poll(Duration timeout, Consumer<Decision> sink) {
        return pollWithPositions(timeout, (position, d) -> sink.accept(d));
    }

    /**
     * Polls once, handing each decision with its position ({@code topic-partition@offset}) to the sink, so that a
     * record read twice (after a broker restart, say) can be told from two records with one event id.
     */
    public int pollWithPositions(Duration timeout, java.util.function.BiConsumer<String, Decision> sink) {
        int n = 0;
        for (ConsumerRecord<String, ClaimDecision> r : consumer.poll(timeout)) {
            sink.accept(r.topic() + "-" + r.partition() + "@" + r.offset(), AvroMapping.fromAvro(r.value()));
            n++;
        }
        return n;
    }

    /** Reads until {@code count} decisions arrived or nothing came for {@code idle}; returns them in arrival order. */
    public List<Decision> read(int count, Duration idle) {
        List<Decision> all = new ArrayList<>();
        long lastArrival = System.nanoTime();
        while (all.size() < count && System.nanoTime() - lastArrival < idle.toNanos()) {
            if (poll(Duration.ofMillis(200), all::add) > 0) {
                lastArrival = System.nanoTime();
            }
        }
        return all;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
