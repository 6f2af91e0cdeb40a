package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.claimscrubber.Eventually;
import org.claimscrubber.Scrubber;
import org.claimscrubber.claim.ClaimJson;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.generate.ClaimGenerator;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.reference.ReferenceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the processor survives: a SIGKILL mid-stream and a restart, a broker restart, and a second instance leaving
 * the group. Every test reads the committed output from the beginning: each event decided exactly once.
 */
class FaultToleranceTest extends OnEmbeddedBroker {
    @TempDir
    static Path dir;

    private static Map<String, Object> config(String app) {
        Map<String, Object> c = org.claimscrubber.embedded.EmbeddedConfig.withOwnTopics(kafka, registry, app, dir.resolve(app));
        c.remove(StreamsConfig.STATE_DIR_CONFIG);
        c.put(StreamsConfig.consumerPrefix("session.timeout.ms"), "6000");
        c.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), "1000");
        return c;
    }

    private static List<String> generate(int count, long seed) {
        return new ClaimGenerator(seed, 0.3).lines(count);
    }

    private static Process runProcessor(Map<String, Object> config, Path stateDir) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.claimscrubber.cli.Main", "run",
                "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url(),
                "--state-dir", stateDir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("processor-" + System.nanoTime() + ".log").toFile());
        config.forEach((k, v) -> builder.environment().put("KAFKA_" + k.toUpperCase().replace('.', '_'), v.toString()));
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        builder.environment().remove("KAFKA_SCHEMA_REGISTRY_URL");
        return builder.start();
    }

    @Test
    void sigkillMidStreamLosesAndDuplicatesNothing() throws Exception {
        Map<String, Object> config = config("crash");
        new ReferencePublisher(config, new PrintStream(new ByteArrayOutputStream())).publish(ReferenceLoader.sampleSources(), "sample");
        org.claimscrubber.cli.RegisterSchemasCommand.subjects(Topics.from(config))
                .forEach((subject, schema) -> registry.registry().register(subject, schema));
        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        List<String> events = generate(4000, 21);
        Map<String, Decision> expected = SameAsCheck.decisions(engine(), events);
        send(config, events);
        Path state = dir.resolve("crash-state");
        Process first = runProcessor(config, state);
        try (CommittedDecisions progress = new CommittedDecisions(config)) {
            Eventually.await(Duration.ofSeconds(90), "the first processor's first 100 decisions", () -> {
                assertTrue(first.isAlive(), "the processor died before the kill");
                return progress.poll() >= 100;
            });
        } finally {
            first.destroyForcibly().waitFor();
        }
        // Read committed, up to the last stable offset: the killed instance's open transaction counts for nothing.
        int atKill = CommittedDecisions.readAll(config).size();
        assertTrue(atKill > 0 && atKill < expected.size(),
                "the kill came mid-stream: " + atKill + " of " + expected.size() + " decisions committed at the kill");

        Process second = runProcessor(config, state);
        List<Decision> seen;
        try {
            seen = CommittedDecisions.awaitEvery(config, expected.keySet(), Duration.ofSeconds(120));
        } finally {
            second.destroy();
            second.waitFor();
        }

        assertTrue(seen.size() - atKill > 0, "the restarted processor committed the decisions after the kill");
        SameAsCheck.assertSameDecisions(expected, seen);
    }

    private static EditEngine engine() {
        return new EditEngine(ReferenceLoader.loadSample(), Policies.loadDefault(), ProviderBasis.RENDERING, Clock.systemUTC());
    }

    private static void send(Map<String, Object> config, List<String> events) {
        try (ClaimPublisher publisher = new ClaimPublisher(config)) {
            events.forEach(e -> publisher.publish(ClaimEvents.fromJson(e)));
        }
    }

    @Test
    void brokerRestartMidStreamLosesAndDuplicatesNothing() throws Exception {
        Map<String, Object> config = config("bounce");
        config.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("bounce-state").toString());
        // One partition: the engine's file order is then the stream's order for every member (README: ordering).
        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        List<String> events = generate(6000, 33);
        Map<String, Decision> expected = SameAsCheck.decisions(engine(), events);
        send(config, events.subList(0, 3000));
        List<Decision> seen;
        try (ProcessorApp app = new ProcessorApp(config, engine()).start(Duration.ofSeconds(60))) {
            try (CommittedDecisions progress = new CommittedDecisions(config)) {
                progress.atLeast(300, Duration.ofSeconds(120));
            }
            kafka.stop();
            kafka.restart();
            send(config, events.subList(3000, events.size()));
            seen = CommittedDecisions.awaitEvery(config, expected.keySet(), Duration.ofSeconds(120));
            assertEquals(org.apache.kafka.streams.KafkaStreams.State.RUNNING, app.state());
        }
        SameAsCheck.assertSameDecisions(expected, seen);
    }

    @Test
    void secondInstanceLeavingHandsItsPartitionsOverWithoutLossOrDuplicates() throws Exception {
        Map<String, Object> config = config("pair");
        ProcessorApp.ensureTopics(config, Topics.from(config), 4);
        List<String> events = generate(3000, 5);
        Set<String> eventIds = new HashSet<>();
        events.forEach(e -> eventIds.add(ClaimJson.read(e).eventId()));
        EditEngine engine = new EditEngine(Scrubber.sampleReference(), Policies.loadDefault(), ProviderBasis.RENDERING, Clock.systemUTC());
        DecisionTally byFirst = new DecisionTally();
        DecisionTally bySecond = new DecisionTally();
        Map<String, Object> a = new HashMap<>(config);
        a.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("pair-a").toString());
        a.put(ProcessorEvents.CONFIG, byFirst);
        Map<String, Object> b = new HashMap<>(config);
        b.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("pair-b").toString());
        b.put(ProcessorEvents.CONFIG, bySecond);
        Set<TopicPartition> heldBySecond;
        int firstBeforeLeave;
        try (ProcessorApp first = new ProcessorApp(a, engine).start(Duration.ofSeconds(60));
             ClaimPublisher publisher = new ClaimPublisher(config)) {
            try (ProcessorApp second = new ProcessorApp(b, engine).start(Duration.ofSeconds(60))) {
                Eventually.await(Duration.ofSeconds(60), "the second instance judging some partitions",
                        () -> !judgePartitions(second).isEmpty());
                heldBySecond = judgePartitions(second);
                events.subList(0, 1500).forEach(e -> publisher.publish(ClaimEvents.fromJson(e)));
                publisher.flush();
                Eventually.await(Duration.ofSeconds(60), "both instances deciding claims",
                        () -> byFirst.size() > 0 && bySecond.size() > 0, () -> byFirst.size() + " and " + bySecond.size());
                firstBeforeLeave = byFirst.size();
            }
            Eventually.await(Duration.ofSeconds(60), "the first instance judging the partitions the second left",
                    () -> judgePartitions(first).containsAll(heldBySecond), () -> judgePartitions(first) + " of " + heldBySecond);
            events.subList(1500, events.size()).forEach(e -> publisher.publish(ClaimEvents.fromJson(e)));
            publisher.flush();
            List<Decision> seen = CommittedDecisions.awaitEvery(config, eventIds, Duration.ofSeconds(120));
            assertEquals(org.apache.kafka.streams.KafkaStreams.State.RUNNING, first.state());

            assertTrue(byFirst.size() > firstBeforeLeave, "the first instance went on deciding after the second left");
            SameAsCheck.assertOnePerEvent(eventIds, seen);
        }
    }

    /** The repartition-topic partitions whose judge task runs on this instance (sub-topology 1). */
    private static Set<TopicPartition> judgePartitions(ProcessorApp app) {
        Set<TopicPartition> partitions = new HashSet<>();
        for (ThreadMetadata thread : app.streams().metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                if (task.taskId().subtopology() == 1) {
                    partitions.addAll(task.topicPartitions());
                }
            }
        }
        return partitions;
    }
}
