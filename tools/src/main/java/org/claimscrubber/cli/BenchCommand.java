package org.claimscrubber.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.claimscrubber.bench.SyntheticReference;
import org.claimscrubber.history.HistoryClaim;
import org.claimscrubber.history.HistoryCodec;
import org.claimscrubber.history.HistoryLine;
import org.claimscrubber.history.MemberHistory;
import org.claimscrubber.history.SeenEvent;
import org.claimscrubber.stream.ClaimTopology;
import org.claimscrubber.stream.ClientConfigs;
import org.claimscrubber.stream.InputKeying;
import org.claimscrubber.stream.ReferencePublisher;
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
 * pre-published backlog; throughput counts from RUNNING to the last committed output record. The processor runs
 * for both input shapes ({@link InputKeying}): throughput member-keyed first, then claim-keyed; latency the other way
 * round, so each shape is measured once in the first, colder position.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure processor and passthrough throughput on an in-process broker; the last line is the ratio.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "The end-to-end pair alone, on 20,000 claims (without: also the latency run, the full-size reference load and the restart times).")
    boolean quick;

    @Option(names = "--claims", description = "Claims per run (default: 20000 with --quick, 100000 otherwise).")
    Integer claims;

    @Option(names = "--partitions", defaultValue = "1", description = "Input partitions (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--commit-interval-ms", description = "commit.interval.ms for both topologies (default: Kafka's 100 under exactly-once).")
    Integer commitIntervalMs;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A Streams or client setting for both topologies (repeatable).")
    Map<String, String> settings = new HashMap<>();

    @Option(names = "--latency-rate", defaultValue = "1000", description = "Claims/s offered in the latency run (default: ${DEFAULT-VALUE}).")
    int latencyRate;

    @Option(names = "--latency-seconds", description = "Measured length of each latency run (default: 10 with --quick, 20 otherwise).")
    Integer latencySeconds;

    @Option(names = "--latency-warm-up-seconds", description = "Unmeasured start of each latency run (default: 5 with --quick, 10 otherwise).")
    Integer latencyWarmUpSeconds;

    @Option(names = "--latency-commit-interval-ms", defaultValue = "10",
            description = "commit.interval.ms in the latency run: a decision is visible to read_committed consumers only after two commits (default: ${DEFAULT-VALUE}).")
    int latencyCommitIntervalMs;

    @Option(names = "--members", defaultValue = "1000000", description = "Members of history for the restart figures (default: ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--ptp-rows", defaultValue = "2500000", description = "PTP rows of the synthetic full-size reference (default: ${DEFAULT-VALUE}).")
    int ptpRows;

    PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        int count = claims != null ? claims : quick ? 20_000 : 100_000;
        List<String> events = new ClaimGenerator(7, 0.15).lines(count);
        out.printf(Locale.ROOT, "machine: %d cores, %s %s; %d claims, %d input partitions, exactly-once v2%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                count, partitions);
        if (!quick) {
            try (EmbeddedKafka kafka = EmbeddedKafka.start(); EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0)) {
                fullReferenceAndRestart(kafka, registry);
            }
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(); EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0)) {
            warmUp(events);
            double passthrough = passthrough(kafka, registry, events);
            out.printf(Locale.ROOT, "passthrough: %.0f claims/s%n", passthrough);
            Map<InputKeying, Double> ratio = new java.util.EnumMap<>(InputKeying.class);
            for (InputKeying keying : List.of(InputKeying.MEMBER, InputKeying.CLAIM)) {
                double processor = processor(kafka, registry, events, keying);
                out.printf(Locale.ROOT, "processor, %s: %.0f claims/s%n", shape(keying), processor);
                ratio.put(keying, processor / passthrough);
            }
            for (InputKeying keying : List.of(InputKeying.CLAIM, InputKeying.MEMBER)) {
                latency(kafka, registry, keying);
            }
            out.printf(Locale.ROOT, "processor/passthrough ratio: member-keyed %.2f (target 0.8: %s), claim-keyed %.2f (target 0.5: %s)%n",
                    ratio.get(InputKeying.MEMBER), met(ratio.get(InputKeying.MEMBER) >= 0.8), ratio.get(InputKeying.CLAIM),
                    met(ratio.get(InputKeying.CLAIM) >= 0.5));
        }
        return 0;
    }

    /**
     * The engine and the Avro mapping over the backlog in memory, unmeasured, so the JIT has compiled them before the
     * first processor run: otherwise the shape measured first pays the warm-up and the second looks faster.
     */
    private void warmUp(List<String> events) {
        long t = System.nanoTime();
        EditEngine engine = sampleEngine();
        for (int round = 0; round < 2; round++) {
            org.claimscrubber.edits.InMemoryHistory history = new org.claimscrubber.edits.InMemoryHistory();
            for (String e : events) {
                var decision = history.apply(engine, org.claimscrubber.stream.AvroMapping.claim(ClaimEvents.fromJson(e))).decision();
                if (decision != null) {
                    org.claimscrubber.stream.AvroMapping.toAvro(decision);
                }
            }
        }
        out.printf(Locale.ROOT, "warm-up (engine and Avro mapping over the backlog twice, in memory): %.1f s%n", seconds(t));
    }

    private static String shape(InputKeying keying) {
        return keying == InputKeying.MEMBER ? "member-keyed" : "claim-keyed";
    }

    private static String met(boolean met) {
        return met ? "met" : "NOT met";
    }

    private Map<String, Object> config(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry, String app) throws Exception {
        return config(kafka, registry, app, InputKeying.CLAIM);
    }

    /** The app's settings, its topics created and the backlog published to its input, keyed as {@code keying} says. */
    private Map<String, Object> config(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry, String app, InputKeying keying) throws Exception {
        Map<String, Object> c = EmbeddedConfig.withOwnTopics(kafka, registry, app, Files.createTempDirectory("claim-scrubber-bench"));
        c.putAll(settings);
        c.put(InputKeying.CONFIG, keying.name().toLowerCase(Locale.ROOT));
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
            out.println("passthrough thread: " + threadTime(streams, seconds(started)));
            return rate;
        }
    }

    private double processor(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry, List<String> events, InputKeying keying) throws Exception {
        backlog = events;
        String app = "bench-processor-" + keying.name().toLowerCase(Locale.ROOT);
        Map<String, Object> c = config(kafka, registry, app, keying);
        EditEngine engine = sampleEngine();
        long decisions = events.stream().map(e -> ClaimEvents.fromJson(e).getEventId()).distinct().count();
        try (ProcessorApp processor = new ProcessorApp(c, engine)) {
            processor.start(Duration.ofMinutes(2));
            long started = System.nanoTime();
            double rate = drain(c, List.of(app + ".accepted", app + ".flagged"), decisions, started);
            out.println("processor thread, " + shape(keying) + ": " + threadTime(processor.streams(), seconds(started)));
            return rate;
        }
    }

    /**
     * Where the stream threads spent their time: their CPU seconds and share of the {@code wallSeconds} the run took
     * (averaged over threads), and Kafka Streams' thread-level ratio metrics.
     */
    static String threadTime(KafkaStreams streams, double wallSeconds) {
        StringBuilder b = new StringBuilder();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().contains("StreamThread") && streams.metadataForLocalThreads().stream().anyMatch(m -> m.threadName().equals(t.getName()))) {
                cpu += Math.max(0, mx.getThreadCpuTime(t.getId()));
            }
        }
        int threads = Math.max(1, streams.metadataForLocalThreads().size());
        b.append(String.format(Locale.ROOT, "cpu %.1f s of %.1f s (%.0f%%); ", cpu / 1e9, wallSeconds, 100 * cpu / 1e9 / wallSeconds / threads));
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
            b.append(phase.equals("poll") ? "" : ", ").append(phase).append(String.format(Locale.ROOT, " %.0f%%", n == 0 ? 0 : 100 * sum / n));
        }
        return b.toString();
    }

    private EditEngine sampleEngine() {
        return Setup.sampleEngine();
    }

    /**
     * Offers claims at a steady rate to a running processor and measures, per decision, the time from the input
     * record's timestamp (set when the claim was sent) to its arrival at a read_committed consumer.
     */
    private void latency(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry, InputKeying keying) throws Exception {
        int warmUp = latencyWarmUpSeconds != null ? latencyWarmUpSeconds : quick ? 5 : 10;
        int measured = latencySeconds != null ? latencySeconds : quick ? 10 : 20;
        int total = latencyRate * (warmUp + measured);
        List<String> claims = new ClaimGenerator(8, 0.15).lines(total);
        backlog = List.of();
        String name = "bench-latency-" + keying.name().toLowerCase(Locale.ROOT);
        Map<String, Object> c = config(kafka, registry, name, keying);
        c.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, latencyCommitIntervalMs);
        long expected = claims.stream().map(e -> ClaimEvents.fromJson(e).getEventId()).distinct().count();
        long[] latencies = new long[(int) expected];
        int seen = 0;
        try (ProcessorApp app = new ProcessorApp(c, sampleEngine()); ClaimPublisher publisher = new ClaimPublisher(c);
             KafkaConsumer<byte[], byte[]> consumer = decisionConsumer(c)) {
            app.start(Duration.ofMinutes(2));
            consumer.subscribe(List.of(name + ".accepted", name + ".flagged"));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(50));
            }
            long periodNanos = 1_000_000_000L / latencyRate;
            long warmUpEnds = System.currentTimeMillis() + warmUp * 1000L;
            long started = System.nanoTime();
            Thread sender = new Thread(() -> {
                long t0 = System.nanoTime();
                for (int i = 0; i < claims.size(); i++) {
                    java.util.concurrent.locks.LockSupport.parkNanos(t0 + i * periodNanos - System.nanoTime());
                    publisher.publish(ClaimEvents.fromJson(claims.get(i)));
                }
                publisher.flush();
            }, "bench-latency-sender");
            sender.start();
            int counted = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(warmUp + measured + 60L).toNanos();
            while (seen < expected && System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(100))) {
                    seen++;
                    if (r.timestamp() >= warmUpEnds) {
                        latencies[counted++] = System.currentTimeMillis() - r.timestamp();
                    }
                }
            }
            sender.join();
            long[] sorted = java.util.Arrays.copyOf(latencies, counted);
            java.util.Arrays.sort(sorted);
            long p99 = percentile(sorted, 0.99);
            out.printf(Locale.ROOT, "processor latency, %s, at %d claims/s (commit.interval.ms=%d, read_committed, %d decisions after warm-up): "
                    + "p50 %d ms, p99 %d ms (target 50 ms: %s), max %d ms%n", shape(keying), latencyRate, latencyCommitIntervalMs, counted,
                    percentile(sorted, 0.50), p99, met(p99 <= 50), counted == 0 ? 0 : sorted[counted - 1]);
            out.println("processor thread, " + shape(keying) + ", latency run: " + threadTime(app.streams(), seconds(started)));
        }
        if (seen < expected) {
            throw new IllegalStateException("latency run: only " + seen + " of " + expected + " decisions arrived");
        }
    }

    static long percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static KafkaConsumer<byte[], byte[]> decisionConsumer(Map<String, Object> c) {
        return new KafkaConsumer<>(ClientConfigs.connection(c, "group.id", "bench-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "isolation.level", "read_committed", "fetch.max.wait.ms", 5),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * A synthetic full quarter into the reference topics, then the processor's start and restart times with it
     * and with {@code members} members of history in the changelog: first start, restart restoring the history
     * from the changelog (local store lost), restart with local state intact.
     */
    private void fullReferenceAndRestart(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) throws Exception {
        Path files = Files.createTempDirectory("claim-scrubber-full-reference");
        SyntheticReference.write(files, ptpRows, SyntheticReference.FULL_MUE_ROWS, SyntheticReference.FULL_RVU_ROWS, 1);
        Path state = Files.createTempDirectory("claim-scrubber-bench-restart");
        Map<String, Object> c = EmbeddedConfig.withOwnTopics(kafka, registry, "bench-restart", state);
        ProcessorApp.ensureTopics(c, Topics.from(c), partitions);
        long t = System.nanoTime();
        new ReferencePublisher(c, new PrintStream(PrintStream.nullOutputStream())).publish(ReferenceLoader.sources(files), files.toString());
        out.printf(Locale.ROOT, "full-size reference loaded into the topics: %.1f s (%,d PTP, %,d MUE, %,d catalog rows)%n", seconds(t),
                ptpRows, SyntheticReference.FULL_MUE_ROWS, SyntheticReference.FULL_RVU_ROWS);
        out.printf(Locale.ROOT, "processor first start to ready (full reference restored, no history): %.1f s%n", startToReady(c).seconds());

        String changelog = "bench-restart-" + ClaimTopology.HISTORY_STORE + "-changelog";
        t = System.nanoTime();
        long bytes = 0;
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]>(ClientConfigs.connection(c,
                "linger.ms", 20, "batch.size", 262_144, "compression.type", "lz4"),
                new org.apache.kafka.common.serialization.ByteArraySerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (int i = 0; i < members; i++) {
                byte[] value = HistoryCodec.encode(memberHistory(i));
                bytes += value.length;
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(changelog,
                        String.format(Locale.ROOT, "MBR%08d", i).getBytes(java.nio.charset.StandardCharsets.UTF_8), value));
            }
        }
        out.printf(Locale.ROOT, "history of %,d members written to the changelog: %.1f s, %d bytes per member%n", members, seconds(t), bytes / Math.max(1, members));
        // The local history store's checkpoint predates those records: this start restores them all, as after losing the disk.
        Start restored = startToReady(c);
        out.printf(Locale.ROOT, "processor restart to ready (full reference, %,d members restored from the changelog; store holds about %,d): %.1f s%n",
                members, restored.historyEntries(), restored.seconds());
        out.printf(Locale.ROOT, "processor restart to ready (full reference, %,d members, local state intact): %.1f s%n", members,
                startToReady(c).seconds());
    }

    /** How long a start took to ready, and the history entries (RocksDB's estimate) it then held. */
    private record Start(double seconds, long historyEntries) {
    }

    private Start startToReady(Map<String, Object> c) {
        long t = System.nanoTime();
        try (ProcessorApp app = new ProcessorApp(c, sampleEngine(), true)) {
            app.start(Duration.ofMinutes(10));
            while (!app.ready()) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            return new Start(seconds(t), app.historyEntries());
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** A typical member: one accepted two-line claim and its event id. */
    private static MemberHistory memberHistory(int i) {
        LocalDate dos = LocalDate.of(2026, 1, 1).plusDays(i % 300);
        String npi = String.format(Locale.ROOT, "1%09d", i % 5000);
        List<HistoryLine> lines = List.of(new HistoryLine(1, "99213", List.of(), 1, dos, npi, npi),
                new HistoryLine(2, "64483", List.of("RT"), 1, dos, npi, npi));
        return new MemberHistory(List.of(HistoryClaim.of(String.format(Locale.ROOT, "C-%08d", i), lines)),
                List.of(new SeenEvent(UUID.nameUUIDFromBytes(new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16)}).toString(),
                        (int) dos.toEpochDay() + 400)));
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
        try (KafkaConsumer<byte[], byte[]> consumer = decisionConsumer(c)) {
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
