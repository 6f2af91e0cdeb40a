package org.claimscrubber.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.serde.AvroSerde;

/**
 * The decisions committed to both output topics, read from the beginning: never "the first n", so that a lost
 * decision hidden by a duplicate, or a duplicate after the last expected decision, is seen.
 */
final class CommittedDecisions implements AutoCloseable {
    private final CommittedRecords records;
    private final Deserializer<ClaimDecision> deserializer;
    private final List<Decision> decisions = new ArrayList<>();
    private final Set<String> eventIds = new HashSet<>();

    CommittedDecisions(Map<String, Object> config) {
        Topics topics = Topics.from(config);
        records = new CommittedRecords(config, topics.accepted(), topics.flagged());
        deserializer = AvroSerde.of(ClaimDecision.class, config, false).deserializer();
    }

    /** Every decision committed by now. */
    static List<Decision> readAll(Map<String, Object> config) {
        try (CommittedDecisions d = new CommittedDecisions(config)) {
            return d.toEnd(Duration.ofSeconds(30));
        }
    }

    /** Waits until each of {@code expected} has a decision, then reads on to the topics' end; returns all read. */
    static List<Decision> awaitEvery(Map<String, Object> config, Collection<String> expected, Duration atMost) {
        try (CommittedDecisions d = new CommittedDecisions(config)) {
            return d.every(expected, atMost);
        }
    }

    /** Reads until each of {@code expected} has a decision, then on to the topics' end; returns all read so far. */
    List<Decision> every(Collection<String> expected, Duration atMost) {
        records.until(atMost, "a decision for each of " + expected.size() + " events", r -> {
            take(r);
            return eventIds.containsAll(expected);
        });
        return toEnd(atMost);
    }

    /** Reads until at least {@code count} decisions were read; returns all read so far. */
    List<Decision> atLeast(int count, Duration atMost) {
        records.until(atMost, count + " decisions", r -> {
            take(r);
            return decisions.size() >= count;
        });
        return List.copyOf(decisions);
    }

    /** Polls once; returns how many decisions were read so far. */
    int poll() {
        records.poll();
        take(records.read());
        return decisions.size();
    }

    /** Reads on to the topics' end as it is now; returns all read so far. */
    List<Decision> toEnd(Duration atMost) {
        take(records.toEnd(atMost));
        return List.copyOf(decisions);
    }

    private void take(List<ConsumerRecord<byte[], byte[]>> read) {
        for (ConsumerRecord<byte[], byte[]> r : read.subList(decisions.size(), read.size())) {
            Decision d = AvroMapping.fromAvro(deserializer.deserialize(r.topic(), r.value()));
            decisions.add(d);
            eventIds.add(d.eventId());
        }
    }

    @Override
    public void close() {
        records.close();
        deserializer.close();
    }
}
