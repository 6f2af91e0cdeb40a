package org.claimscrubber.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.StreamsConfig;
import org.claimscrubber.claim.ClaimJson;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.generate.ClaimGenerator;
import org.claimscrubber.edits.InMemoryHistory;
import org.claimscrubber.reference.ReferenceLoader;
import org.claimscrubber.serde.SerdeConfig;
import org.claimscrubber.stream.ClaimEvents;
import org.claimscrubber.stream.ClaimPublisher;
import org.claimscrubber.stream.DecisionReader;
import org.claimscrubber.stream.ReferencePublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chaos}: a generated stream through a {@code run} process on a {@code broker} process, while the processor
 * is SIGKILLed at random moments and restarted, the broker is restarted once, and stopped for 30 seconds once, and
 * the schema registry is stopped for 30 seconds once (with the processor restarted at its start, so a fresh
 * process meets it). A processor that stops itself (the registry unavailable) is restarted, as an orchestrator
 * would. Every decision is then compared with the engine's own on the same stream: lost, duplicated, differing
 * and dead-lettered must all be 0. Prints the recovery time after each event.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Kill and restart the processor, the broker and the registry while a stream runs; report lost, duplicated, differing and dead-lettered decisions.")
public final class ChaosCommand implements Callable<Integer> {
    @Option(names = "--claims", defaultValue = "200000", description = "Claims in the stream (default: ${DEFAULT-VALUE}).")
    int claims;

    @Option(names = "--kills", defaultValue = "5", description = "SIGKILLs of the processor (default: ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--broker-outage-seconds", defaultValue = "30", description = "How long the broker stays down once (default: ${DEFAULT-VALUE}).")
    int outageSeconds;

    @Option(names = "--registry-outage-seconds", defaultValue = "30",
            description = "How long the schema registry stays down once; 0 for no registry outage (default: ${DEFAULT-VALUE}).")
    int registryOutageSeconds;

    @Option(names = "--seed", defaultValue = "13")
    long seed;

    PrintStream out = System.out;

    private final List<Process> processes = new ArrayList<>();
    private Path work;
    private String bootstrap;
    private String registryUrl;
    private int brokerPort;
    private int controllerPort;
    private int registryPort;
    private Process broker;

    @Override
    public Integer call() throws Exception {
        work = Files.createTempDirectory("claim-scrubber-chaos");
        brokerPort = freePort();
        controllerPort = freePort();
        registryPort = freePort();
        broker = startBroker();
        ProcessorSupervisor processor = null;
        try {
            Map<String, Object> config = new HashMap<>();
            config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
            new ReferencePublisher(config, new PrintStream(PrintStream.nullOutputStream())).publish(ReferenceLoader.sampleSources(), "sample");
            RegisterSchemasCommand.subjects(org.claimscrubber.stream.Topics.from(config)).forEach((subject, schema) ->
                    SerdeConfig.from(config, false).registry().register(subject, schema));
            Map<String, Decision> expected = publish(config);
            out.printf("published %d claims (%d decisions expected)%n", claims, expected.size());

            Map<String, Map<String, Decision>> seen = new ConcurrentHashMap<>();
            AtomicLong lastArrival = new AtomicLong();
            AtomicBoolean reading = new AtomicBoolean(true);
            Thread readerThread = new Thread(() -> {
                try (DecisionReader reader = new DecisionReader(config)) {
                    while (reading.get()) {
                        reader.pollWithPositions(Duration.ofMillis(200), (position, d) -> {
                            seen.computeIfAbsent(d.eventId(), k -> new ConcurrentHashMap<>()).put(position, d);
                            lastArrival.set(System.nanoTime());
                        });
                    }
                }
            }, "chaos-reader");
            readerThread.start();

            SplittableRandom random = new SplittableRandom(seed);
            processor = new ProcessorSupervisor(port -> startProcessor(port));
            processor.start();
            List<Double> recoveries = new ArrayList<>();
            int step = 0;
            int events = kills + 2 + (registryOutageSeconds > 0 ? 1 : 0);
            while (step < events) {
                double target = (step + 1.0) / (events + 1) * expected.size() * (0.8 + 0.4 * random.nextDouble()) / 1.0;
                awaitProgress(seen, (long) Math.min(target, expected.size() - 1), Duration.ofMinutes(5));
                if (step < kills) {
                    long killed = processor.kill();
                    long before = lastArrival.get();
                    awaitArrivalAfter(lastArrival, before, Duration.ofMinutes(3));
                    recoveries.add((System.nanoTime() - killed) / 1e9);
                    out.printf("kill %d at %d decisions: processing again after %.1f s%n", step + 1, seen.size(), recoveries.get(recoveries.size() - 1));
                } else if (step == kills + 2) {
                    registryOutage(processor, lastArrival, seen);
                } else {
                    boolean outage = step == kills + 1;
                    broker.destroy();
                    broker.waitFor();
                    long stopped = System.nanoTime();
                    if (outage) {
                        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(outageSeconds).toNanos());
                    }
                    broker = startBroker();
                    long before = lastArrival.get();
                    awaitArrivalAfter(lastArrival, before, Duration.ofMinutes(5));
                    out.printf("broker %s at %d decisions: processing again %.1f s after it stopped%n",
                            outage ? "stopped for " + outageSeconds + " s" : "restarted", seen.size(), (System.nanoTime() - stopped) / 1e9);
                }
                step++;
            }
            awaitProgress(seen, expected.size(), Duration.ofMinutes(10));
            reading.set(false);
            readerThread.join();
            processor.close();
            long deadLettered = committedRecords(config, org.claimscrubber.stream.Topics.from(config).dlq());

            long lost = expected.keySet().stream().filter(k -> !seen.containsKey(k)).count();
            long duplicated = seen.values().stream().filter(l -> l.size() > 1).count();
            long differing = seen.entrySet().stream().filter(e -> {
                Decision want = expected.get(e.getKey());
                Decision got = e.getValue().values().iterator().next();
                return want == null || want.disposition() != got.disposition() || !want.findings().equals(got.findings());
            }).count();
            out.printf("kills %d, broker restarts 2, registry outages %d, restarts after the processor stopped itself %d, decisions %d: "
                    + "lost %d, duplicated %d, differing %d, dead-lettered %d%n", kills, registryOutageSeconds > 0 ? 1 : 0,
                    processor.selfStops(), seen.size(), lost, duplicated, differing, deadLettered);
            out.printf("recovery after kill (s): %s%n", recoveries.stream().map(r -> String.format("%.1f", r)).toList());
            return lost + duplicated + differing + deadLettered == 0 ? 0 : 1;
        } finally {
            if (processor != null) {
                processor.close();
            }
            processes.forEach(Process::destroyForcibly);
        }
    }

    /**
     * Stops the registry for {@code --registry-outage-seconds}, restarting the processor at its start (gracefully, so
     * the new one gets the partitions at once) so that a process without cached schemas meets the outage. The registry
     * stays down at least that long, and until the new processor has stopped itself once (at most a minute more), so
     * a short outage is not over before the processor reads anything. Then waits for decisions again.
     */
    private void registryOutage(ProcessorSupervisor processor, AtomicLong lastArrival, Map<String, ?> seen) throws Exception {
        registryControl("registry stop");
        awaitRegistry(false, Duration.ofSeconds(30));
        long stopped = System.nanoTime();
        int decisions = seen.size();
        int selfStopsBefore = processor.selfStops();
        processor.restart();
        long earliest = stopped + Duration.ofSeconds(registryOutageSeconds).toNanos();
        long latest = earliest + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < earliest || (processor.selfStops() == selfStopsBefore && System.nanoTime() < latest)) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        int selfStops = processor.selfStops() - selfStopsBefore;
        registryControl("registry start");
        awaitRegistry(true, Duration.ofSeconds(30));
        long back = System.nanoTime();
        long before = lastArrival.get();
        awaitArrivalAfter(lastArrival, before, Duration.ofMinutes(5));
        out.printf("registry stopped for %.1f s at %d decisions (processor restarted when it began; it stopped itself %d times "
                + "meanwhile): processing again %.1f s after the registry came back%n", (back - stopped) / 1e9, decisions, selfStops,
                (System.nanoTime() - back) / 1e9);
    }

    private void registryControl(String line) throws IOException {
        java.io.OutputStream stdin = broker.getOutputStream();
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Waits until the registry answers (up) or refuses connections (down). */
    private void awaitRegistry(boolean up, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (registryAnswers() != up) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the registry is not " + (up ? "up" : "down") + " after " + timeout);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private boolean registryAnswers() {
        try {
            return HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(registryUrl + "/subjects"))
                    .timeout(Duration.ofSeconds(2)).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Records committed to the topic (aborted transactions are not counted). */
    private static long committedRecords(Map<String, Object> config, String topic) {
        Map<String, Object> c = new HashMap<>(org.claimscrubber.stream.ClientConfigs.connection(config));
        c.put("isolation.level", "read_committed");
        c.put("enable.auto.commit", false);
        try (org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(c,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Map<String, Decision> publish(Map<String, Object> config) {
        EditEngine engine = Setup.sampleEngine();
        InMemoryHistory history = new InMemoryHistory();
        Map<String, Decision> expected = new HashMap<>();
        org.claimscrubber.stream.ProcessorApp.ensureTopics(config, org.claimscrubber.stream.Topics.from(config), 1);
        try (ClaimPublisher publisher = new ClaimPublisher(config)) {
            new ClaimGenerator(seed, 0.15).lines(claims).forEach(line -> {
                publisher.publish(ClaimEvents.fromJson(line));
                Decision d = history.apply(engine, ClaimJson.read(line)).decision();
                if (d != null) {
                    expected.put(d.eventId(), d);
                }
            });
        }
        return expected;
    }

    private Process startBroker() throws IOException {
        Process p = java("broker", "--port", Integer.toString(brokerPort), "--controller-port", Integer.toString(controllerPort),
                "--registry-port", Integer.toString(registryPort), "--data-dir", work.resolve("broker").toString(), "--control-stdin");
        BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("bootstrap.servers=")) {
                bootstrap = line.substring("bootstrap.servers=".length());
            } else if (line.startsWith("schema.registry.url=")) {
                registryUrl = line.substring("schema.registry.url=".length());
                return p;
            }
        }
        throw new IllegalStateException("the broker process ended before it was ready");
    }

    private Process startProcessor(int httpPort) throws IOException {
        return java("run", "--bootstrap-servers", bootstrap, "--schema-registry-url", registryUrl, "--http-port", Integer.toString(httpPort),
                "--state-dir", work.resolve("state").toString());
    }

    private Process java(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ToolsMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(work.resolve(args[0] + "-" + System.nanoTime() + ".err").toFile());
        if (!args[0].equals("broker")) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process p = builder.start();
        processes.add(p);
        return p;
    }

    private static void awaitProgress(Map<String, ?> seen, long count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stuck at " + seen.size() + " of " + count + " decisions");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private static void awaitArrivalAfter(AtomicLong lastArrival, long before, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lastArrival.get() == before) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no decision within " + timeout + " after the restart");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
