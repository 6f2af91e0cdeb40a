package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.claimscrubber.Scrubber;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.embedded.EmbeddedConfig;
import org.claimscrubber.ops.ProcessorAcls;
import org.claimscrubber.ops.X12IntakeAcls;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.serde.AvroSerde;
import org.claimscrubber.x12.X12IntakeApp;
import org.claimscrubber.x12.X12Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The X12 intake on a SASL/SCRAM broker with the ACL authorizer, under its own principal holding exactly the README's
 * least-privilege intake ACLs (the processor under another, with its own list): 837P interchanges become claims, a
 * 999 each and, once the processor has decided them, a 277CA each; a record that is not X12 reaches the DLQ; the
 * intake's principal may not write decisions.
 */
@OnEmbeddedBroker.Secure
class SecureX12IntakeTest extends OnEmbeddedBroker {
    private static final String APP = "secure-x12";
    private static final String PROCESSOR = "claim-scrubber";
    private static final String INTAKE = "claim-scrubber-x12";
    private static final Path CASES = Path.of("processor/src/test/resources/x12/cases");

    @TempDir
    Path dir;

    @Test
    void theIntakeRunsWithItsLeastPrivilegeAclsAndPublishesClaimsAndAcknowledgements() throws Exception {
        String processorPassword = "processor-" + java.util.UUID.randomUUID();
        String intakePassword = "intake-" + java.util.UUID.randomUUID();
        Map<String, Object> admin = x12Topics(EmbeddedConfig.withOwnTopics(kafka, registry, APP, dir.resolve("admin-state")));
        admin.putAll(kafka.clientSecurity(ADMIN, adminPassword));
        Topics topics = Topics.from(admin);
        X12Topics x12 = X12Topics.from(admin);
        try (Admin a = Admin.create(ClientConfigs.connection(admin))) {
            a.alterUserScramCredentials(List.of(
                    new UserScramCredentialUpsertion(PROCESSOR, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), processorPassword),
                    new UserScramCredentialUpsertion(INTAKE, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), intakePassword)))
                    .all().get(30, TimeUnit.SECONDS);
            a.createAcls(ProcessorAcls.forProcessor("User:" + PROCESSOR, APP, topics)).all().get(30, TimeUnit.SECONDS);
            a.createAcls(X12IntakeAcls.forIntake("User:" + INTAKE, X12IntakeApp.applicationId(admin), topics, x12))
                    .all().get(30, TimeUnit.SECONDS);
        }
        ProcessorApp.ensureTopics(admin, topics, 2);
        X12IntakeApp.ensureTopics(admin, 2);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(ClientConfigs.connection(admin, "acks", "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(x12.x12(), "SUBMITTER01", Files.readAllBytes(CASES.resolve("several-providers.837")))).get();
            producer.send(new ProducerRecord<>(x12.x12(), "SUBMITTER02", Files.readAllBytes(CASES.resolve("not-x12.txt")))).get();
            producer.send(new ProducerRecord<>(x12.x12(), "SUBMITTER01", Files.readAllBytes(CASES.resolve("incomplete-claims.837")))).get();
        }

        Map<String, Object> intakeConfig = as(INTAKE, intakePassword, dir.resolve("intake-state"));
        Map<String, Object> processorConfig = as(PROCESSOR, processorPassword, dir.resolve("processor-state"));
        X12IntakeApp.ensureTopics(intakeConfig, 2);
        List<ConsumerRecord<byte[], byte[]>> claims = new ArrayList<>();
        List<String> acks = new ArrayList<>();
        List<String> dead = new ArrayList<>();
        EditEngine engine = new EditEngine(Scrubber.sampleReference(), Policies.loadDefault(), ProviderBasis.RENDERING, Scrubber.FIXED);
        try (X12IntakeApp intake = new X12IntakeApp(intakeConfig).start(Duration.ofSeconds(90));
             ProcessorApp processor = new ProcessorApp(processorConfig, engine).start(Duration.ofSeconds(90));
             KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(ClientConfigs.connection(admin, "group.id", "secure-x12-check",
                     "auto.offset.reset", "earliest", "isolation.level", "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topics.submitted(), x12.ack(), topics.dlq()));
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.topic().equals(topics.submitted())) {
                        claims.add(r);
                    } else if (r.topic().equals(x12.ack())) {
                        acks.add(new String(r.value(), StandardCharsets.US_ASCII));
                    } else {
                        dead.add(new String(r.key(), StandardCharsets.UTF_8));
                    }
                }
                return acks.stream().filter(t -> t.contains("ST*277*")).count() >= 2 && !dead.isEmpty();
            });

            Map<String, Object> asIntake = ClientConfigs.connection(intakeConfig, "max.block.ms", 10_000);
            try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(asIntake, new ByteArraySerializer(), new ByteArraySerializer())) {
                ExecutionException refused = assertThrows(ExecutionException.class,
                        () -> p.send(new ProducerRecord<>(topics.accepted(), new byte[1])).get(20, TimeUnit.SECONDS));
                assertTrue(refused.getCause() instanceof TopicAuthorizationException, "refused by the ACLs: " + refused.getCause());
                assertEquals(Set.of(topics.accepted()), ((TopicAuthorizationException) refused.getCause()).unauthorizedTopics());
            }
        }

        AvroSerde<ClaimSubmitted> serde = AvroSerde.of(ClaimSubmitted.class, admin, false);
        List<String> claimIds = claims.stream().map(r -> serde.deserializer().deserialize(topics.submitted(), r.value()).getClaimId()).sorted().toList();
        assertEquals(6, claimIds.size(), "the claims of both interchanges, once each: " + claimIds);
        assertTrue(claimIds.containsAll(List.of("C-MULTI-1", "C-MULTI-2", "C-MULTI-3", "C-MULTI-4")), claimIds.toString());
        assertEquals(2, acks.stream().filter(t -> t.contains("ST*999*")).count(), "a 999 per interchange");
        List<String> claimAcks = acks.stream().filter(t -> t.contains("ST*277*")).toList();
        assertEquals(2, claimAcks.size());
        assertTrue(claimAcks.stream().anyMatch(t -> t.contains("STC*A2:20*")), "the processor's decisions reached the 277CA");
        assertEquals(List.of("SUBMITTER02"), dead, "the record that is not X12, dead-lettered by the intake");
    }

    private static Map<String, Object> x12Topics(Map<String, Object> config) {
        config.put(X12Topics.X12_CONFIG, APP + ".x12");
        config.put(X12Topics.ACK_CONFIG, APP + ".x12.ack");
        config.put(X12Topics.PENDING_CONFIG, APP + ".x12.pending");
        return config;
    }

    private Map<String, Object> as(String user, String password, Path state) {
        Map<String, Object> config = x12Topics(EmbeddedConfig.withOwnTopics(kafka, registry, APP, state));
        config.putAll(kafka.clientSecurity(user, password));
        return new HashMap<>(config);
    }
}
