package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.claimscrubber.Eventually;
import org.claimscrubber.Scrubber;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.embedded.EmbeddedConfig;
import org.claimscrubber.generate.ClaimGenerator;
import org.claimscrubber.ops.ProcessorAcls;
import org.claimscrubber.ops.ScrubberMetrics;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.reference.ReferenceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * SASL/SCRAM over TLS with the standard ACL authorizer: the processor runs with exactly the README's
 * least-privilege ACLs and its password read from a file; a client without credentials, one with a wrong password
 * and an authenticated one without ACLs are refused, each by its own exact refusal (a timeout is never taken for one);
 * neither password appears in the logs or on /metrics.
 */
@OnEmbeddedBroker.Secure
class SecureKafkaTest extends OnEmbeddedBroker {
    private static final String APP = "secure-app";
    private static final String PRINCIPAL = "claim-scrubber";

    @TempDir
    Path dir;

    @Test
    void theProcessorRunsWithItsLeastPrivilegeAclsAndOthersAreRefused() throws Throwable {
        String appPassword = "app-" + UUID.randomUUID();
        String intruderPassword = "intruder-" + UUID.randomUUID();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        Map<String, Object> admin = EmbeddedConfig.withOwnTopics(kafka, registry, APP, dir.resolve("admin-state"));
        admin.putAll(kafka.clientSecurity(ADMIN, adminPassword));
        Topics topics = Topics.from(admin);
        try (Admin a = Admin.create(ClientConfigs.connection(admin))) {
            a.alterUserScramCredentials(List.of(
                    new UserScramCredentialUpsertion(PRINCIPAL, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), appPassword),
                    new UserScramCredentialUpsertion("intruder", new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), intruderPassword)))
                    .all().get(30, TimeUnit.SECONDS);
            a.createAcls(ProcessorAcls.forProcessor("User:" + PRINCIPAL, APP, topics)).all().get(30, TimeUnit.SECONDS);
        }
        ProcessorApp.ensureTopics(admin, topics, 2);
        new ReferencePublisher(admin, new PrintStream(PrintStream.nullOutputStream())).publish(ReferenceLoader.sampleSources(), "sample");
        Set<String> expected;
        try (ClaimPublisher publisher = new ClaimPublisher(admin)) {
            List<ClaimSubmitted> claims = new ClaimGenerator(5, 0.2).lines(300).stream().map(ClaimEvents::fromJson).toList();
            claims.forEach(publisher::publish);
            expected = claims.stream().map(ClaimSubmitted::getEventId).collect(java.util.stream.Collectors.toSet());
        }

        // The processor: its own principal, its password from a file through Kafka's FileConfigProvider.
        Path secret = dir.resolve("kafka-client.properties");
        Files.writeString(secret, "password=" + appPassword + "\n");
        Map<String, Object> config = EmbeddedConfig.withOwnTopics(kafka, registry, APP, dir.resolve("state"));
        config.putAll(kafka.trustOnly());
        config.put("security.protocol", "SASL_SSL");
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put("config.providers", "file");
        config.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + PRINCIPAL + "\" password=\"${file:" + secret + ":password}\";");
        ScrubberMetrics metrics = new ScrubberMetrics();
        config.put(ProcessorEvents.CONFIG, metrics);
        EditEngine engine = new EditEngine(Scrubber.sampleReference(), Policies.loadDefault(), ProviderBasis.RENDERING, Scrubber.FIXED);
        String scrape;
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try (ProcessorApp app = new ProcessorApp(config, engine, true)) {
            app.start(Duration.ofSeconds(90));
            List<String> decided = CommittedDecisions.awaitEvery(admin, expected, Duration.ofSeconds(90)).stream()
                    .map(org.claimscrubber.decision.Decision::eventId).toList();
            assertEquals(expected.size(), decided.size(), "every decision, once, with the processor on its least-privilege ACLs");
            assertEquals(expected, Set.copyOf(decided));
            assertTrue(app.ready());
            scrape = metrics.scrape();

            // The processor's own principal may not write what billing platforms write.
            Map<String, Object> asProcessor = ClientConfigs.connection(config, "max.block.ms", 10_000);
            try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(asProcessor, new ByteArraySerializer(), new ByteArraySerializer())) {
                TopicAuthorizationException refused = assertRefused(TopicAuthorizationException.class,
                        () -> p.send(new ProducerRecord<>(topics.submitted(), new byte[1])).get(20, TimeUnit.SECONDS));
                assertEquals(Set.of(topics.submitted()), refused.unauthorizedTopics());
            }
        } finally {
            System.setErr(originalErr);
        }

        // No credentials, over TLS: the broker closes the connection at the first request outside the SASL handshake.
        // The client only ever sees a timeout, so the refusal is read where it happens, in the broker's log.
        Map<String, Object> tlsOnly = new HashMap<>(kafka.trustOnly());
        tlsOnly.put("bootstrap.servers", kafka.bootstrapServers());
        tlsOnly.put("security.protocol", "SSL");
        String brokerLog = stderrDuring(() -> assertNoAnswer(() -> listTopics(tlsOnly)));
        assertTrue(brokerLog.contains("InvalidRequestException: Unexpected Kafka request of type METADATA during SASL handshake"),
                "the broker refused the TLS-only client in the SASL handshake");
        // No credentials and no TLS: the broker counts a failed authentication (the TLS handshake).
        double failedBefore = failedAuthentications();
        assertNoAnswer(() -> listTopics(Map.of("bootstrap.servers", kafka.bootstrapServers())));
        assertTrue(failedAuthentications() > failedBefore, "the broker refused the plaintext client at authentication");
        // A wrong password.
        Map<String, Object> wrongPassword = new HashMap<>(kafka.clientSecurity(PRINCIPAL, "not-" + appPassword));
        wrongPassword.put("bootstrap.servers", kafka.bootstrapServers());
        assertRefused(SaslAuthenticationException.class, () -> listTopics(wrongPassword));
        // Authenticated, but no ACLs: sees no topic, may read none.
        Map<String, Object> intruder = new HashMap<>(kafka.clientSecurity("intruder", intruderPassword));
        intruder.put("bootstrap.servers", kafka.bootstrapServers());
        assertTrue(listTopics(intruder).isEmpty(), "a principal without ACLs sees no topic");
        intruder.put("group.id", "intruder");
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(intruder, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topics.submitted()));
            TopicAuthorizationException refused = assertRefused(TopicAuthorizationException.class, () -> Eventually.await(
                    Duration.ofSeconds(30), "the intruder's poll refused", () -> !c.poll(Duration.ofMillis(200)).isEmpty()));
            assertEquals(Set.of(topics.submitted()), refused.unauthorizedTopics());
        }

        String logText = logs.toString(StandardCharsets.UTF_8);
        assertTrue(logText.contains("processor RUNNING as " + APP), "the processor logged, so the scan saw its logs");
        for (String password : List.of(appPassword, adminPassword)) {
            assertFalse(logText.contains(password), "a password in the logs");
            assertFalse(scrape.contains(password), "a password on /metrics");
        }
    }

    private static java.util.Set<String> listTopics(Map<String, Object> config) throws Exception {
        Map<String, Object> c = new HashMap<>(config);
        c.put("request.timeout.ms", 5000);
        c.put("default.api.timeout.ms", 8000);
        try (Admin a = Admin.create(c)) {
            return a.listTopics().names().get(20, TimeUnit.SECONDS);
        }
    }

    /**
     * Runs the action, which must fail with exactly {@code expected} somewhere in its cause chain; a timeout anywhere
     * in the chain is not a refusal (an unreachable or silent broker must not pass), nor is another exception type.
     */
    private static <T extends Throwable> T assertRefused(Class<T> expected, Executable action) {
        Throwable thrown = assertThrows(Throwable.class, action, "expected a refusal with " + expected.getSimpleName());
        List<Throwable> chain = chain(thrown);
        assertFalse(chain.stream().anyMatch(t -> t instanceof java.util.concurrent.TimeoutException
                || t instanceof org.apache.kafka.common.errors.TimeoutException), "a timeout is not a refusal: " + chain);
        return chain.stream().filter(t -> t.getClass() == expected).map(expected::cast).findFirst()
                .orElseThrow(() -> new AssertionError("expected " + expected.getName() + ", refused with " + chain, thrown));
    }

    /** The client got no answer at all: its call timed out (a broker that drops a connection sends no refusal). */
    private static void assertNoAnswer(Executable action) {
        List<Throwable> chain = chain(assertThrows(Throwable.class, action, "expected no answer"));
        assertTrue(chain.stream().anyMatch(t -> t instanceof org.apache.kafka.common.errors.TimeoutException), "expected a timeout: " + chain);
    }

    /** What was written to stderr (the log) while the action ran. */
    private static String stderrDuring(Executable action) throws Throwable {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.execute();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static List<Throwable> chain(Throwable t) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }

    /** Failed authentications the broker counted on its client listener (all network threads). */
    private static double failedAuthentications() throws Exception {
        javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        double total = 0;
        for (javax.management.ObjectName name : server.queryNames(
                new javax.management.ObjectName("kafka.server:type=socket-server-metrics,listener=SASL_SSL,networkProcessor=*"), null)) {
            total += ((Number) server.getAttribute(name, "failed-authentication-total")).doubleValue();
        }
        return total;
    }
}
