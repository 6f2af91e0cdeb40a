package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;
import org.claimscrubber.Scrubber;
import org.claimscrubber.claim.ClaimJson;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.generate.ClaimGenerator;
import org.claimscrubber.history.InMemoryHistory;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.reference.ReferenceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the processor survives: a SIGKILL mid-stream and a restart, a broker restart, and a second instance leaving the group. */
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
        StringWriter out = new StringWriter();
        new ClaimGenerator(seed, 0.3).write(count, out);
        return out.toString().lines().toList();
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
        Map<String, Decision> expected = publish(config, generate(4000, 21));
        Path state = dir.resolve("crash-state");
        List<Decision> seen = new ArrayList<>();
        try (DecisionReader reader = new DecisionReader(config)) {
            Process first = runProcessor(config, state);
            try {
                while (seen.size() < 300) {
                    seen.addAll(reader.read(300 - seen.size(), Duration.ofSeconds(90)));
                    assertTrue(first.isAlive(), "the processor died before the kill");
                }
            } finally {
                first.destroyForcibly().waitFor();
            }
            Process second = runProcessor(config, state);
            try {
                seen.addAll(reader.read(expected.size() - seen.size(), Duration.ofSeconds(120)));
            } finally {
                second.destroy();
                second.waitFor();
            }
        }

        assertExactlyTheEnginesDecisions(expected, seen);
    }

    /** Publishes the events; returns the engine's own decision for each, by event id. */
    private static Map<String, Decision> publish(Map<String, Object> config, List<String> events) {
        send(config, events);
        return expected(events);
    }

    private static void send(Map<String, Object> config, List<String> events) {
        try (ClaimPublisher publisher = new ClaimPublisher(config)) {
            events.forEach(e -> publisher.publish(ClaimEvents.fromJson(e)));
        }
    }

    /** The engine's own decision for each event, in file order, by event id. */
    private static Map<String, Decision> expected(List<String> events) {
        Map<String, Decision> expected = new HashMap<>();
        InMemoryHistory history = new InMemoryHistory();
        EditEngine engine = new EditEngine(ReferenceLoader.loadSample(), Policies.loadDefault(), ProviderBasis.RENDERING, Clock.systemUTC());
        for (String e : events) {
            Decision d = history.apply(engine, ClaimJson.read(e)).decision();
            if (d != null) {
                expected.put(d.eventId(), d);
            }
        }
        return expected;
    }

    private static void readUntil(DecisionReader reader, Map<String, Decision> seen, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (seen.size() < count && System.nanoTime() < deadline) {
            reader.pollWithPositions(Duration.ofMillis(200), seen::put);
        }
    }

    /** One decision per expected event, none missing, each with the engine's disposition and findings. */
    private static void assertExactlyTheEnginesDecisions(Map<String, Decision> expected, List<Decision> seen) {
        Set<String> ids = new HashSet<>();
        for (Decision d : seen) {
            assertTrue(ids.add(d.eventId()), "duplicate decision for " + d.eventId());
            Decision want = expected.get(d.eventId());
            assertEquals(want.disposition(), d.disposition(), d.eventId());
            assertEquals(want.findings(), d.findings(), d.eventId());
        }
        assertEquals(expected.keySet(), ids, "missing decisions");
    }

    @Test
    void brokerRestartMidStreamLosesAndDuplicatesNothing() throws Exception {
        Map<String, Object> config = config("bounce");
        config.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("bounce-state").toString());
        // One partition: the engine's file order is then the stream's order for every member (README: ordering).
        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        List<String> events = generate(6000, 33);
        Map<String, Decision> expected = expected(events);
        send(config, events.subList(0, 3000));
        EditEngine engine = new EditEngine(ReferenceLoader.loadSample(), Policies.loadDefault(), ProviderBasis.RENDERING, Clock.systemUTC());
        // Keyed by topic-partition-offset: the reader commits nothing, so it may read records again after the
        // broker's restart; a second decision for an event would sit at another position.
        Map<String, Decision> seen = new java.util.concurrent.ConcurrentHashMap<>();
        try (ProcessorApp app = new ProcessorApp(config, engine).start(Duration.ofSeconds(60));
             DecisionReader reader = new DecisionReader(config)) {
            readUntil(reader, seen, 300);
            kafka.stop();
            kafka.restart();
            send(config, events.subList(3000, events.size()));
            readUntil(reader, seen, expected.size());
            assertEquals(org.apache.kafka.streams.KafkaStreams.State.RUNNING, app.state());
        }
        assertExactlyTheEnginesDecisions(expected, new ArrayList<>(seen.values()));
    }

    @Test
    void secondInstanceLeavingHandsItsPartitionsOverWithoutLossOrDuplicates() throws Exception {
        Map<String, Object> config = config("pair");
        ProcessorApp.ensureTopics(config, Topics.from(config), 4);
        List<String> events = generate(3000, 5);
        Set<String> eventIds = new HashSet<>();
        EditEngine engine = new EditEngine(Scrubber.sampleReference(), Policies.loadDefault(), ProviderBasis.RENDERING, Clock.systemUTC());
        Map<String, Object> a = new HashMap<>(config);
        a.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("pair-a").toString());
        Map<String, Object> b = new HashMap<>(config);
        b.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("pair-b").toString());
        List<Decision> seen = new ArrayList<>();
        try (ProcessorApp first = new ProcessorApp(a, engine).start(Duration.ofSeconds(60));
             DecisionReader reader = new DecisionReader(config);
             ClaimPublisher publisher = new ClaimPublisher(config)) {
            try (ProcessorApp second = new ProcessorApp(b, engine).start(Duration.ofSeconds(60))) {
                for (String e : events.subList(0, 1500)) {
                    publisher.publish(ClaimEvents.fromJson(e));
                }
                publisher.flush();
                seen.addAll(reader.read(500, Duration.ofSeconds(60)));
            }
            for (String e : events.subList(1500, events.size())) {
                publisher.publish(ClaimEvents.fromJson(e));
            }
            for (String e : events) {
                eventIds.add(ClaimJson.read(e).eventId());
            }
            seen.addAll(reader.read(eventIds.size() - seen.size(), Duration.ofSeconds(120)));
            assertEquals(org.apache.kafka.streams.KafkaStreams.State.RUNNING, first.state());
        }
        Set<String> ids = new HashSet<>();
        seen.forEach(d -> assertTrue(ids.add(d.eventId()), "duplicate decision for " + d.eventId()));
        assertEquals(eventIds, ids);
    }
}
