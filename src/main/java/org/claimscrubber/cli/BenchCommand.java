package org.claimscrubber.cli;

import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.embedded.EmbeddedConfig;
import org.claimscrubber.embedded.EmbeddedKafka;
import org.claimscrubber.embedded.EmbeddedSchemaRegistry;
import org.claimscrubber.generate.ClaimGenerator;
import org.claimscrubber.reference.ReferenceLoader;
import org.claimscrubber.stream.ClaimEvents;
import org.claimscrubber.stream.ClaimPublisher;
import org.claimscrubber.stream.Passthrough;
import org.claimscrubber.stream.ProcessorApp;
import org.claimscrubber.stream.StreamsSettings;
import org.claimscrubber.stream.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: end-to-end throughput of the processor on an in-process broker and, in the same run, of a
 * passthrough topology with the same broker, serde, partitions and exactly-once settings. Each drains the same
 * pre-published backlog; throughput counts from RUNNING to the last committed output record.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure processor and passthrough throughput on an in-process broker; the last line is the ratio.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "The end-to-end pair alone, on 20,000 claims.")
    boolean quick;

    @Option(names = "--claims", description = "Claims per run (default: 20000 with --quick, 100000 otherwise).")
    Integer claims;

    @Option(names = "--partitions", defaultValue = "1", description = "Input partitions (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--commit-interval-ms", description = "commit.interval.ms for both topologies (default: Kafka's 100 under exactly-once).")
    Integer commitIntervalMs;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A Streams or client setting for both topologies (repeatable).")
    Map<String, String> settings = new HashMap<>();

    PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        int count = claims != null ? claims : quick ? 20_000 : 100_000;
        StringWriter generated = new StringWriter();
        new ClaimGenerator(7, 0.15).write(count, generated);
        List<String> events = generated.toString().lines().toList();
        out.printf("machine: %d cores, %s %s; %d claims, %d input partitions, exactly-once v2%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                count, partitions);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(); EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0)) {
            double passthrough = passthrough(kafka, registry, events);
            out.printf("passthrough: %.0f claims/s%n", passthrough);
            double processor = processor(kafka, registry, events);
            out.printf("processor: %.0f claims/s%n", processor);
            out.printf("processor/passthrough ratio: %.2f%n", processor / passthrough);
        }
        return 0;
    }

    private Map<String, Object> config(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry, String app) throws Exception {
        Map<String, Object> c = EmbeddedConfig.withOwnTopics(kafka, registry, app, Files.createTempDirectory("claim-scrubber-bench"));
        c.putAll(settings);
        if (commitIntervalMs != null) {
            c.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        }
        ProcessorApp.ensureTopics(c, Topics.from(c), partitions);
        try (ClaimPublisher publisher = new ClaimPublisher(c)) {
            for (String e : backlog) {
                publisher.publish(ClaimEvents.fromJson(e));
            }
        }
        return c;
    }

    private List<String> backlog;

    private double passthrough(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry, List<String> events) throws Exception {
        backlog = events;
        Map<String, Object> c = config(kafka, registry, "bench-passthrough");
        Properties props = new Properties();
        props.putAll(StreamsSettings.defaults(c));
        try (KafkaStreams streams = new KafkaStreams(Passthrough.build(c, "bench-passthrough.submitted", "bench-passthrough.accepted"), props)) {
            streams.start();
            long started = awaitRunning(streams);
            double rate = drain(c, List.of("bench-passthrough.accepted"), events.size(), started);
            out.println("passthrough thread: " + threadTime(streams));
            return rate;
        }
    }

    private double processor(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry, List<String> events) throws Exception {
        backlog = events;
        Map<String, Object> c = config(kafka, registry, "bench-processor");
        EditEngine engine = new EditEngine(ReferenceLoader.loadSample(), Setup.policies(null), ProviderBasis.RENDERING, Clock.systemUTC());
        long decisions = events.stream().map(e -> ClaimEvents.fromJson(e).getEventId()).distinct().count();
        try (ProcessorApp app = new ProcessorApp(c, engine)) {
            app.start(Duration.ofMinutes(2));
            long started = System.nanoTime();
            double rate = drain(c, List.of("bench-processor.accepted", "bench-processor.flagged"), decisions, started);
            out.println("processor thread: " + threadTime(app.streams()));
            return rate;
        }
    }

    /** Where the stream threads spent their time (Kafka Streams' thread-level ratio metrics, averaged over threads). */
    static String threadTime(KafkaStreams streams) {
        StringBuilder b = new StringBuilder();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().contains("StreamThread") && streams.metadataForLocalThreads().stream().anyMatch(m -> m.threadName().equals(t.getName()))) {
                cpu += Math.max(0, mx.getThreadCpuTime(t.getId()));
            }
        }
        b.append(String.format("cpu %.1f s; ", cpu / 1e9));
        for (String phase : List.of("poll", "process", "commit", "punctuate")) {
            double sum = 0;
            int n = 0;
            for (var e : streams.metrics().entrySet()) {
                if (e.getKey().group().equals("stream-thread-metrics") && e.getKey().name().equals(phase + "-ratio")
                        && e.getValue().metricValue() instanceof Double d && !d.isNaN()) {
                    sum += d;
                    n++;
                }
            }
            b.append(phase.equals("poll") ? "" : ", ").append(phase).append(String.format(" %.0f%%", n == 0 ? 0 : 100 * sum / n));
        }
        return b.toString();
    }

    private static long awaitRunning(KafkaStreams streams) {
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (streams.state() == KafkaStreams.State.ERROR) {
                throw new IllegalStateException("passthrough failed");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return System.nanoTime();
    }

    /** Reads committed records from the topics until {@code expected} arrived; returns records per second since {@code started}. */
    private static double drain(Map<String, Object> c, List<String> topics, long expected, long started) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", c.get("bootstrap.servers"),
                "group.id", "bench-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "isolation.level", "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            long seen = 0;
            long last = started;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (seen < expected && System.nanoTime() < deadline) {
                int n = consumer.poll(Duration.ofMillis(100)).count();
                if (n > 0) {
                    seen += n;
                    last = System.nanoTime();
                }
            }
            if (seen < expected) {
                throw new IllegalStateException("only " + seen + " of " + expected + " records arrived");
            }
            return seen / ((last - started) / 1e9);
        }
    }
}
