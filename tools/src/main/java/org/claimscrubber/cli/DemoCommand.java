package org.claimscrubber.cli;

import java.io.BufferedWriter;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.DecisionJson;
import org.claimscrubber.decision.DecisionSummary;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.embedded.EmbeddedConfig;
import org.claimscrubber.embedded.EmbeddedKafka;
import org.claimscrubber.embedded.EmbeddedSchemaRegistry;
import org.claimscrubber.generate.ClaimGenerator;
import org.claimscrubber.stream.ClaimEvents;
import org.claimscrubber.stream.ClaimPublisher;
import org.claimscrubber.stream.ClientConfigs;
import org.claimscrubber.x12.ClaimX12Writer;
import org.claimscrubber.x12.X12IntakeApp;
import org.claimscrubber.x12.X12Topics;
import org.claimscrubber.stream.DecisionReader;
import org.claimscrubber.ops.AdvertisedHost;
import org.claimscrubber.ops.BearerToken;
import org.claimscrubber.ops.OpsServer;
import org.claimscrubber.ops.ScrubberMetrics;
import org.claimscrubber.stream.ProcessorApp;
import org.claimscrubber.stream.ProcessorEvents;
import org.claimscrubber.stream.ReferencePublisher;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.reference.ReferenceLoader;
import org.claimscrubber.stream.TopicCounter;
import org.claimscrubber.stream.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the whole product on a laptop. An embedded broker and registry, the shipped sample reference, a
 * generated claim stream (plus one corrupt record, to show the DLQ) published with the serde, the processor, and a
 * summary once every decision is out.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run everything in-process: broker, registry, sample reference, generated claims, processor; print a summary.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--claims", defaultValue = "20000", description = "Number of claim events (default: ${DEFAULT-VALUE}).")
    int claims;

    @Option(names = "--seed", defaultValue = "7", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--once", description = "Exit after the summary instead of running until Ctrl-C.")
    boolean once;

    @Option(names = "--out", paramLabel = "FILE", description = "Write every decision consumed as JSON Lines (the shape of check).")
    Path out;

    @Option(names = "--http-port", defaultValue = "0", description = "Port of /metrics and the health endpoints (default: a free one).")
    int httpPort;

    @Option(names = "--x12", description = "Publish the generated claims as 837P interchanges (1,000 claims each) to claims.x12, "
            + "run the X12 intake too, and count the 999s and 277CAs written to claims.x12.ack.")
    boolean x12;

    @Mixin
    HttpOptions http;

    PrintStream stdout = System.out;

    @Override
    public Integer call() throws Exception {
        InetSocketAddress httpAddress;
        BearerToken token;
        try {
            httpAddress = http.address(httpPort);
            token = http.token();
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        stdout.println("starting an embedded Kafka broker and schema registry ...");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(); EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0)) {
            stdout.println("bootstrap.servers=" + kafka.bootstrapServers());
            stdout.println("schema.registry.url=" + registry.url());
            Map<String, Object> config = EmbeddedConfig.of(kafka, registry, "claim-scrubber-demo",
                    Files.createTempDirectory("claim-scrubber-demo-state"));
            Topics topics = Topics.from(config);
            ProcessorApp.ensureTopics(config, topics, 1);

            new ReferencePublisher(config, stdout).publish(ReferenceLoader.sampleSources(), "sample reference");
            X12IntakeApp intake = null;
            if (x12) {
                X12IntakeApp.ensureTopics(config, 1);
                intake = new X12IntakeApp(config).start(Duration.ofMinutes(2));
            }
            int expected = x12 ? publishX12(config) : publish(config);
            long started = System.nanoTime();
            EditEngine engine = new EditEngine(ReferenceData.empty(), Setup.policies(null), ProviderBasis.RENDERING, ProcessingClock.system());
            ScrubberMetrics metrics = new ScrubberMetrics();
            config.put(ProcessorEvents.CONFIG, metrics);
            try (OpsServer ops = new OpsServer(httpAddress, token, metrics);
                 ProcessorApp app = new ProcessorApp(withServer(config, ops, httpAddress), engine, true);
                 DecisionReader reader = new DecisionReader(config)) {
                ops.attach(app);
                app.start(Duration.ofMinutes(2));
                stdout.println("metrics: " + ops.url() + "/metrics  health: " + ops.url() + "/health/live, " + ops.url() + "/health/ready"
                        + "  topology: " + ops.url() + "/topology  history: " + (token == null
                        ? "disabled (set " + BearerToken.ENVIRONMENT + " or --http-token-file)"
                        : ops.url() + "/members/{memberId}/history with the bearer token"));
                List<Decision> decisions = reader.read(expected, Duration.ofSeconds(60));
                double seconds = (System.nanoTime() - started) / 1e9;
                DecisionSummary summary = new DecisionSummary();
                decisions.forEach(summary::add);
                for (int i = decisions.size(); i < claims; i++) {
                    summary.redelivered();
                }
                long dlq = TopicCounter.count(config, topics.dlq(), Duration.ofSeconds(10));
                for (long i = 0; i < dlq; i++) {
                    summary.unreadable();
                }
                if (out != null) {
                    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                         DecisionJson.LineWriter lines = new DecisionJson.LineWriter(w)) {
                        decisions.forEach(lines::write);
                    }
                }
                stdout.print(summary.render("DLQ records"));
                if (x12) {
                    stdout.printf("%-34s %10d%n", "acknowledgements so far (999, 277CA)", TopicCounter.count(config, X12Topics.from(config).ack(), Duration.ofSeconds(10)));
                }
                stdout.printf("%-34s %10.0f%n", "claims/s (start to last decision)", decisions.size() / seconds);
                if (decisions.size() != expected) {
                    stdout.println("expected " + expected + " decisions, got " + decisions.size());
                    return 1;
                }
                if (!once) {
                    stdout.println("running; Ctrl-C to stop");
                    CountDownLatch forever = new CountDownLatch(1);
                    Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
                    forever.await();
                }
            } finally {
                if (intake != null) {
                    intake.close();
                }
            }
        }
        return 0;
    }

    private static Map<String, Object> withServer(Map<String, Object> config, OpsServer ops, InetSocketAddress httpAddress) {
        config.put(org.apache.kafka.streams.StreamsConfig.APPLICATION_SERVER_CONFIG, ops.endpoint(AdvertisedHost.derive(httpAddress.getAddress())));
        return config;
    }

    /**
     * Publishes the generated stream as 837P interchanges to claims.x12 (keyed by sender id), with one record that is
     * not X12 in the middle; returns the decisions to expect (events X12 cannot carry are left out, see generate).
     */
    private int publishX12(Map<String, Object> config) throws Exception {
        List<String> lines = new ClaimGenerator(seed, 0.15).lines(claims);
        Set<String> eventIds = new HashSet<>();
        List<byte[]> interchanges = new ArrayList<>();
        try (ClaimX12Writer writer = new ClaimX12Writer(interchanges::add, 1000, "CLAIMSCRUBGEN")) {
            for (String line : lines) {
                ClaimSubmitted event = ClaimEvents.fromJson(line);
                if (writer.write(event)) {
                    eventIds.add(event.getEventId());
                }
            }
        }
        String topic = X12Topics.from(config).x12();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(ClientConfigs.connection(config, "acks", "all",
                "max.request.size", 16 << 20), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < interchanges.size(); i++) {
                producer.send(new ProducerRecord<>(topic, "CLAIMSCRUBGEN", interchanges.get(i))).get();
                if (i == interchanges.size() / 2) {
                    producer.send(new ProducerRecord<>(topic, "CORRUPT-1", "this is not an X12 interchange".getBytes(StandardCharsets.UTF_8))).get();
                }
            }
        }
        stdout.println("published " + eventIds.size() + " claims in " + interchanges.size() + " 837P interchanges and 1 record that is not X12");
        return eventIds.size();
    }

    /** Publishes the generated stream with one corrupt record in the middle; returns the decisions to expect. */
    private int publish(Map<String, Object> config) {
        List<String> lines = new ClaimGenerator(seed, 0.15).lines(claims);
        Set<String> eventIds = new HashSet<>();
        try (ClaimPublisher publisher = new ClaimPublisher(config)) {
            for (int i = 0; i < lines.size(); i++) {
                ClaimSubmitted event = ClaimEvents.fromJson(lines.get(i));
                eventIds.add(event.getEventId());
                publisher.publish(event);
                if (i == lines.size() / 2) {
                    publisher.publishRaw("CORRUPT-1", "this is not an Avro record".getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        stdout.println("published " + lines.size() + " claim events and 1 corrupt record");
        return eventIds.size();
    }
}
