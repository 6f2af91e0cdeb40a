package org.claimscrubber.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft broker (broker and controller in one) running in this JVM, built from Kafka's own jars:
 * the log directory is formatted with {@code StorageTool}, then {@code KafkaRaftServer} starts. For {@code demo},
 * {@code broker} and integration tests; it listens on 127.0.0.1 only.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final Path logDir;
    private final boolean ownsLogDir;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> extra;
    private KafkaRaftServer server;
    /** Settings our own admin client needs to reach this broker (empty for plaintext). */
    private Map<String, Object> adminSecurity = Map.of();
    /** SCRAM credentials written into the metadata when the log folder is formatted. */
    private java.util.List<String> scramAtFormat = java.util.List.of();
    private Path trustStore;
    private String trustStorePassword;

    private EmbeddedKafka(Path logDir, boolean ownsLogDir, int port, int controllerPort, Map<String, String> extra) {
        this.logDir = logDir;
        this.ownsLogDir = ownsLogDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.extra = extra;
    }

    /** Starts a broker in a fresh temporary folder on free ports, and waits until it answers. */
    public static EmbeddedKafka start() {
        return start(Map.of());
    }

    /**
     * Starts a broker whose data lives in {@code dataDir} (formatted on first use) on fixed ports, so that a
     * broker process stopped and started again is the same cluster.
     */
    public static EmbeddedKafka start(Path dataDir, int port, int controllerPort) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(dataDir, false, port == 0 ? freePortUnchecked() : port,
                controllerPort == 0 ? freePortUnchecked() : controllerPort, Map.of());
        kafka.startServer(!Files.exists(dataDir.resolve("meta.properties")));
        return kafka;
    }

    private static int freePortUnchecked() {
        try {
            return freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #start()}, with extra broker settings (such as {@code message.max.bytes}). */
    public static EmbeddedKafka start(Map<String, String> extra) {
        try {
            EmbeddedKafka kafka = new EmbeddedKafka(Files.createTempDirectory("claim-scrubber-kafka"), true, freePort(), freePort(), extra);
            kafka.startServer(true);
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a broker whose only client listener is SASL_SSL (SCRAM-SHA-512 over TLS with a self-signed certificate
     * for 127.0.0.1), with the standard ACL authorizer ({@code StandardAuthorizer}, nothing allowed without an ACL).
     * {@code adminUser} is the one super user, created at format time; create other users and their ACLs through it.
     * The controller listener stays PLAINTEXT on the loopback interface, for the broker's own use.
     */
    public static EmbeddedKafka startSecure(String adminUser, String adminPassword) {
        try {
            Path dir = Files.createTempDirectory("claim-scrubber-kafka-secure");
            String storePassword = Uuid.randomUuid().toString();
            Path keyStore = dir.resolve("broker.p12");
            Path trustStore = dir.resolve("truststore.p12");
            SelfSignedTls.create(keyStore, trustStore, storePassword);
            String jaas = scramJaas(adminUser, adminPassword);
            Map<String, String> extra = new java.util.HashMap<>();
            extra.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
            extra.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
            extra.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", jaas);
            extra.put("ssl.keystore.type", "PKCS12");
            extra.put("ssl.keystore.location", keyStore.toString());
            extra.put("ssl.keystore.password", storePassword);
            extra.put("ssl.truststore.type", "PKCS12");
            extra.put("ssl.truststore.location", trustStore.toString());
            extra.put("ssl.truststore.password", storePassword);
            extra.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            extra.put("allow.everyone.if.no.acl.found", "false");
            extra.put("super.users", "User:" + adminUser + ";User:ANONYMOUS");
            EmbeddedKafka kafka = new EmbeddedKafka(dir, true, freePort(), freePort(), extra);
            kafka.secure = true;
            kafka.trustStore = trustStore;
            kafka.trustStorePassword = storePassword;
            kafka.scramAtFormat = java.util.List.of("SCRAM-SHA-512=[name=" + adminUser + ",password=" + adminPassword + "]");
            kafka.adminSecurity = kafka.clientSecurity(adminUser, adminPassword);
            kafka.startServer(true);
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean secure;

    /** The client settings for a SCRAM user of a {@link #startSecure secure} broker: SASL_SSL, the mechanism, the truststore. */
    public Map<String, Object> clientSecurity(String user, String password) {
        if (!secure) {
            return Map.of();
        }
        Map<String, Object> c = new java.util.HashMap<>();
        c.put("security.protocol", "SASL_SSL");
        c.put("sasl.mechanism", "SCRAM-SHA-512");
        c.put("sasl.jaas.config", scramJaas(user, password));
        c.putAll(trustOnly());
        return c;
    }

    /** TLS settings that trust this broker's certificate, without credentials. */
    public Map<String, Object> trustOnly() {
        return Map.of("ssl.truststore.type", "PKCS12", "ssl.truststore.location", trustStore.toString(),
                "ssl.truststore.password", trustStorePassword);
    }

    private static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Stops the broker, keeping its data, so that {@link #restart()} brings the same cluster back. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the stopped broker again on the same ports and data. */
    public synchronized void restart() {
        startServer(false);
    }

    @Override
    public synchronized void close() {
        stop();
        if (ownsLogDir) {
            try (Stream<Path> files = Files.walk(logDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // best effort: a temporary folder
            }
        }
    }

    private synchronized void startServer(boolean format) {
        Properties props = properties();
        if (format) {
            format(props);
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        awaitReady(Duration.ofSeconds(60));
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        String client = secure ? "SASL_SSL" : "PLAINTEXT";
        p.put("listeners", client + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", client + "://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", client);
        p.put("listener.security.protocol.map", client + ":" + client + ",CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        p.putAll(extra);
        return p;
    }

    private void format(Properties props) {
        try {
            Path config = logDir.resolve("server.properties");
            try (var out = Files.newOutputStream(config)) {
                props.store(out, "claim-scrubber embedded broker");
            }
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("format", "-t", Uuid.randomUuid().toString(), "-c",
                    config.toString(), "--ignore-formatted"));
            for (String scram : scramAtFormat) {
                args.add("--add-scram");
                args.add(scram);
            }
            int exit = StorageTool.execute(args.toArray(String[]::new), new PrintStream(captured, true, StandardCharsets.UTF_8));
            Files.delete(config);
            if (exit != 0) {
                throw new IllegalStateException("cannot format the broker's log folder: " + captured.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = new java.util.HashMap<>(adminSecurity);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the embedded broker did not come up within " + timeout, e);
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                }
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
