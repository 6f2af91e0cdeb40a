package org.claimscrubber.cli;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.serde.SerdeConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.claimscrubber.ops.AdvertisedHost;
import org.claimscrubber.ops.BearerToken;
import org.claimscrubber.ops.OpsServer;
import org.claimscrubber.ops.ScrubberMetrics;
import org.claimscrubber.stream.ClientConfigs;
import org.claimscrubber.stream.ProcessorApp;
import org.claimscrubber.stream.ProcessorEvents;
import org.claimscrubber.stream.StreamsSettings;
import org.claimscrubber.stream.TopicRegistry;
import org.claimscrubber.x12.X12IntakeApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run}: the stream processor against a real cluster, until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true, resourceBundle = "org.claimscrubber.cli.RunCommand", description = "Run the stream processor against a Kafka cluster.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Local state folder (Kafka Streams state.dir).")
    Path stateDir;

    @Option(names = "--http-port", defaultValue = "8080",
            description = "Port of /metrics, /health/live, /health/ready, /topology, /members/{id}/history (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Mixin
    HttpOptions http;

    @Option(names = "--advertised-host", paramLabel = "HOST",
            description = "Host other instances use to reach this one's HTTP port (default: the --http-bind address when it is "
                    + "concrete, else this machine's address). A loopback host is refused while an instance of the group runs on another machine.")
    String advertisedHost;

    @Option(names = "--partitions", defaultValue = "1",
            description = "Partitions for topics that do not exist yet (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--kafka-wait-seconds", defaultValue = "300",
            description = "How long to wait for the cluster to answer before giving up with status 1 (default: ${DEFAULT-VALUE}).")
    int kafkaWaitSeconds;

    @Option(names = "--x12-intake", description = "Also run the X12 intake: 837P interchanges on claims.x12 to claims.submitted, 999s to claims.x12.ack.")
    boolean x12Intake;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> config = kafka.config();
        InetSocketAddress httpAddress;
        BearerToken token;
        try {
            httpAddress = http.address(httpPort);
            token = http.token();
        } catch (IllegalArgumentException e) {
            err.println("run: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        config.putIfAbsent(SerdeConfig.AUTO_REGISTER_SCHEMAS, "false");
        if (stateDir != null) {
            config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        }
        boolean fromTopics = engineOptions.reference == null;
        EditEngine engine = engineOptions.engine(fromTopics ? ReferenceData.empty() : Setup.reference(engineOptions.reference), Clock.systemUTC());
        Setup.printReports("run", engine.reference(), false, err);
        if (!new KafkaWait(config, err).await(Duration.ofSeconds(kafkaWaitSeconds))) {
            err.println("run: Kafka at " + config.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG) + " did not answer within "
                    + kafkaWaitSeconds + " s; exiting with status 1");
            return 1;
        }
        String host = advertisedHost(config, httpAddress);
        Optional<String> refusal = refusal(config, host);
        if (refusal.isPresent()) {
            err.println("run: " + refusal.get());
            return Main.EXIT_USAGE;
        }
        ProcessorApp.ensureTopics(config, TopicRegistry.from(config).names(), partitions);
        ScrubberMetrics metrics = new ScrubberMetrics();
        config.put(ProcessorEvents.CONFIG, metrics);
        try (OpsServer ops = new OpsServer(httpAddress, token, metrics)) {
            config.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, ops.endpoint(host));
            out.println("run: HTTP on " + httpAddress.getAddress().getHostAddress() + ":" + ops.port() + ", advertised as "
                    + config.get(StreamsConfig.APPLICATION_SERVER_CONFIG) + "; member history "
                    + (token == null ? "disabled (no bearer token configured)" : "requires the bearer token"));
            ProcessorApp app = new ProcessorApp(config, engine, fromTopics);
            ops.attach(app);
            if (!x12Intake) {
                return runUntilStopped(app);
            }
            X12IntakeApp.ensureTopics(config, partitions);
            X12IntakeApp intake = new X12IntakeApp(config);
            Runtime.getRuntime().addShutdownHook(new Thread(intake::close, "x12-intake-shutdown"));
            try (X12IntakeApp running = intake.start(Duration.ofMinutes(5))) {
                return runUntilStopped(app);
            }
        }
    }

    /** The host of a configured {@code application.server}, else {@code --advertised-host}, else derived from the bind address. */
    private String advertisedHost(Map<String, Object> config, InetSocketAddress httpAddress) {
        Object server = config.get(StreamsConfig.APPLICATION_SERVER_CONFIG);
        if (server != null) {
            return HostInfo.buildFromEndpoint(server.toString()).host();
        }
        return advertisedHost != null ? advertisedHost : AdvertisedHost.derive(httpAddress.getAddress());
    }

    private static Optional<String> refusal(Map<String, Object> config, String host) throws InterruptedException {
        String applicationId = String.valueOf(StreamsSettings.defaults(config).get(StreamsConfig.APPLICATION_ID_CONFIG));
        Admin admin = Admin.create(ClientConfigs.connection(config));
        try {
            return AdvertisedHost.refusal(admin, applicationId, host);
        } finally {
            admin.close(Duration.ofSeconds(5));
        }
    }

    /** 0 after a requested stop (the shutdown hook closes the client); 1 when the client stopped on its own. */
    private int runUntilStopped(ProcessorApp app) throws InterruptedException {
        CountDownLatch stopRequested = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            app.close();
        }, "processor-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int status;
        try {
            app.start(Duration.ofMinutes(5));
            status = ClientWatch.await(app::state, stopRequested, err);
        } catch (IllegalStateException e) {
            if (stopRequested.getCount() == 0) {
                return 0;
            }
            KafkaStreams.State state = app.state();
            err.println(state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING
                    ? ClientWatch.stoppedLine(state) : "run: " + e.getMessage() + "; exiting with status 1");
            status = 1;
        }
        if (status != 0) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                return status;
            }
            app.close();
        }
        return status;
    }
}
