package org.claimscrubber.stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.claimscrubber.claim.ClaimJson;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.embedded.EmbeddedConfig;
import org.claimscrubber.embedded.EmbeddedKafka;
import org.claimscrubber.embedded.EmbeddedSchemaRegistry;
import org.claimscrubber.generate.ClaimGenerator;
import org.claimscrubber.edits.InMemoryHistory;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.reference.ReferenceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real broker: while the registry refuses our credentials (401) or is down, the processor stops instead of
 * dead-lettering good claims; once the registry answers, a restart judges every claim exactly once.
 */
class RegistryOutageTest {
    @TempDir
    Path dir;

    @Test
    void aRegistryThatRefusesUsOrIsDownStopsTheProcessorAndDeadLettersNothing() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(); EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0)) {
            Map<String, Object> config = EmbeddedConfig.withOwnTopics(kafka, registry, "outage", dir.resolve("state"));
            config.put(StreamsConfig.consumerPrefix("session.timeout.ms"), "6000");
            config.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), "1000");
            Topics topics = Topics.from(config);
            ProcessorApp.ensureTopics(config, topics, 1);
            List<String> events = new ClaimGenerator(5, 0.15).lines(200);
            try (ClaimPublisher publisher = new ClaimPublisher(config)) {
                events.forEach(e -> publisher.publish(ClaimEvents.fromJson(e)));
            }
            EditEngine engine = new EditEngine(ReferenceLoader.loadSample(), Policies.loadDefault(), ProviderBasis.RENDERING,
                    Clock.systemUTC());

            registry.answerWith(401, "application/vnd.schemaregistry.v1+json", "{\"error_code\":401,\"message\":\"Unauthorized\"}", -1);
            runUntilStopped(config, engine, kafka, topics.dlq());
            registry.answerNormally();
            registry.stop();
            runUntilStopped(config, engine, kafka, topics.dlq());
            registry.restart();

            Set<String> decided = new HashSet<>();
            try (ProcessorApp app = new ProcessorApp(config, engine).start(Duration.ofSeconds(60));
                 DecisionReader reader = new DecisionReader(config)) {
                for (Decision d : reader.read(expectedDecisions(events), Duration.ofSeconds(60))) {
                    assertEquals(true, decided.add(d.eventId()), "decided twice: " + d.eventId());
                }
            }
            assertEquals(expectedDecisions(events), decided.size());
            assertEquals(0, committedRecords(kafka, topics.dlq()), "claims dead-lettered");
        }
    }

    /** Starts the processor and waits until it stops itself; no claim may reach the DLQ meanwhile. */
    private static void runUntilStopped(Map<String, Object> config, EditEngine engine, EmbeddedKafka kafka, String dlq) {
        ProcessorApp app = new ProcessorApp(config, engine);
        try {
            app.start(Duration.ofSeconds(60));
        } catch (IllegalStateException stoppedBeforeRunning) {
            // the registry failure came before RUNNING was seen
        }
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> app.state() == KafkaStreams.State.ERROR || committedRecords(kafka, dlq) > 0);
            assertEquals(0, committedRecords(kafka, dlq), "claims dead-lettered while the registry was unavailable");
            assertEquals(KafkaStreams.State.ERROR, app.state());
        } finally {
            app.close();
        }
    }

    private static int expectedDecisions(List<String> events) {
        InMemoryHistory history = new InMemoryHistory();
        EditEngine engine = new EditEngine(ReferenceLoader.loadSample(), Policies.loadDefault(), ProviderBasis.RENDERING, Clock.systemUTC());
        Map<String, Decision> expected = new HashMap<>();
        for (String e : events) {
            Decision d = history.apply(engine, ClaimJson.read(e)).decision();
            if (d != null) {
                expected.put(d.eventId(), d);
            }
        }
        return expected.size();
    }

    /** Records committed to the topic (aborted transactions are not counted). */
    private static int committedRecords(EmbeddedKafka kafka, String topic) {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "isolation.level", "read_committed", "enable.auto.commit", false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            int count = 0;
            while (partitions.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                count += c.poll(Duration.ofMillis(100)).count();
            }
            return count;
        }
    }
}
