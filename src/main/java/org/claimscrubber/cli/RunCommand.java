package org.claimscrubber.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.StreamsConfig;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.serde.SerdeConfig;
import org.claimscrubber.ops.OpsServer;
import org.claimscrubber.ops.ScrubberMetrics;
import org.claimscrubber.stream.ProcessorApp;
import org.claimscrubber.stream.ProcessorEvents;
import org.claimscrubber.stream.Topics;
import org.claimscrubber.x12.X12IntakeApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run}: the stream processor against a real cluster, until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the stream processor against a Kafka cluster.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--reference", paramLabel = "DIR",
            description = "Judge with the CMS files of this folder instead of the reference topics (which load-reference fills).")
    Path reference;

    @Option(names = "--policies", paramLabel = "FILE", description = "Policy YAML (default: the shipped policy).")
    Path policies;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Local state folder (Kafka Streams state.dir).")
    Path stateDir;

    @Option(names = "--provider-basis", defaultValue = "RENDERING", description = "RENDERING or BILLING (default: ${DEFAULT-VALUE}).")
    ProviderBasis providerBasis;

    @Option(names = "--http-port", defaultValue = "8080",
            description = "Port of /metrics, /health/live, /health/ready, /topology, /members/{id}/history (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--advertised-host", defaultValue = "localhost",
            description = "Host name other instances use to reach this one's HTTP port (default: ${DEFAULT-VALUE}).")
    String advertisedHost;

    @Option(names = "--partitions", defaultValue = "1",
            description = "Partitions for topics that do not exist yet (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--x12-intake", description = "Also run the X12 intake: 837P interchanges on claims.x12 to claims.submitted, 999s to claims.x12.ack.")
    boolean x12Intake;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> config = kafka.config();
        config.putIfAbsent(SerdeConfig.AUTO_REGISTER_SCHEMAS, "false");
        if (stateDir != null) {
            config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        }
        ReferenceData files = reference == null ? ReferenceData.empty() : Setup.reference(reference);
        EditEngine engine = new EditEngine(files, Setup.policies(policies), providerBasis, Clock.systemUTC());
        ProcessorApp.ensureTopics(config, Topics.from(config), partitions);
        CountDownLatch stopped = new CountDownLatch(1);
        ScrubberMetrics metrics = new ScrubberMetrics();
        config.put(ProcessorEvents.CONFIG, metrics);
        try (OpsServer ops = new OpsServer(httpPort, metrics)) {
            config.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, ops.endpoint(advertisedHost));
            ProcessorApp app = new ProcessorApp(config, engine, reference == null);
            ops.attach(app);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                stopped.countDown();
            }, "processor-shutdown"));
            app.start(Duration.ofMinutes(5));
            if (x12Intake) {
                X12IntakeApp.ensureTopics(config, partitions);
                X12IntakeApp intake = new X12IntakeApp(config);
                Runtime.getRuntime().addShutdownHook(new Thread(intake::close, "x12-intake-shutdown"));
                intake.start(Duration.ofMinutes(5));
            }
            stopped.await();
        }
        return 0;
    }
}
