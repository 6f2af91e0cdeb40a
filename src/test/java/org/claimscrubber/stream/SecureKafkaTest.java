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
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.claimscrubber.Scrubber;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.embedded.EmbeddedConfig;
import org.claimscrubber.embedded.EmbeddedKafka;
import org.claimscrubber.embedded.EmbeddedSchemaRegistry;
import org.claimscrubber.generate.ClaimGenerator;
import org.claimscrubber.ops.ProcessorAcls;
import org.claimscrubber.ops.ScrubberMetrics;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.reference.ReferenceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SASL/SCRAM over TLS with the standard ACL authorizer: the processor runs with exactly the README's
 * least-privilege ACLs and its password read from a file; a client without credentials, one with a wrong password
 * and an authenticated one without ACLs are refused; neither password appears in the logs or on /metrics.
 */
class SecureKafkaTest {
    private static final String APP = "secure-app";
    private static final String PRINCIPAL = "claim-scrubber";

    @TempDir
    Path dir;

    @Test
    void theProcessorRunsWithItsLeastPrivilegeAclsAndOthersAreRefused() throws Exception {
        String adminPassword = "admin-" + UUID.randomUUID();
        String appPassword = "app-" + UUID.randomUUID();
        String intruderPassword = "intruder-" + UUID.randomUUID();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        try (EmbeddedKafka kafka = EmbeddedKafka.startSecure("admin", adminPassword);
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0)) {
            Map<String, Object> admin = EmbeddedConfig.withOwnTopics(kafka, registry, APP, dir.resolve("admin-state"));
            admin.putAll(kafka.clientSecurity("admin", adminPassword));
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
            long expected;
            try (ClaimPublisher publisher = new ClaimPublisher(admin)) {
                List<ClaimSubmitted> claims = new ClaimGenerator(5, 0.2).lines(300).stream().map(ClaimEvents::fromJson).toList();
                claims.forEach(publisher::publish);
                expected = claims.stream().map(ClaimSubmitted::getEventId).distinct().count();
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
            try (ProcessorApp app = new ProcessorApp(config, engine, true); DecisionReader reader = new DecisionReader(admin)) {
                app.start(Duration.ofSeconds(90));
                assertEquals(expected, reader.read((int) expected, Duration.ofSeconds(90)).size(),
                        "every decision arrives with the processor on its least-privilege ACLs");
                assertTrue(app.ready());
                scrape = metrics.scrape();

                // The processor's own principal may not write what billing platforms write.
                Map<String, Object> asProcessor = ClientConfigs.connection(config, "max.block.ms", 10_000);
                try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(asProcessor, new ByteArraySerializer(), new ByteArraySerializer())) {
                    assertRefused(AuthorizationException.class, () -> p.send(new ProducerRecord<>(topics.submitted(), new byte[1])).get(20, TimeUnit.SECONDS));
                }
            } finally {
                System.setErr(originalErr);
            }

            // No credentials: TLS only, against the SASL_SSL listener.
            Map<String, Object> noCredentials = new HashMap<>(kafka.trustOnly());
            noCredentials.put("bootstrap.servers", kafka.bootstrapServers());
            noCredentials.put("security.protocol", "SSL");
            assertRefused(Exception.class, () -> listTopics(noCredentials));
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
                assertRefused(AuthorizationException.class, () -> {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (System.nanoTime() < deadline) {
                        if (!c.poll(Duration.ofMillis(200)).isEmpty()) {
                            return null;
                        }
                    }
                    return null;
                });
            }

            String logText = logs.toString(StandardCharsets.UTF_8);
            assertTrue(logText.contains("processor RUNNING as " + APP), "the processor logged, so the scan saw its logs");
            for (String password : List.of(appPassword, adminPassword)) {
                assertFalse(logText.contains(password), "a password in the logs");
                assertFalse(scrape.contains(password), "a password on /metrics");
            }
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

    private static void assertRefused(Class<? extends Exception> expected, java.util.concurrent.Callable<?> action) {
        Exception e = assertThrows(Exception.class, action::call, "expected a refusal");
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        assertTrue(expected.isInstance(cause) || expected.isInstance(e), "refused with " + cause);
    }
}
