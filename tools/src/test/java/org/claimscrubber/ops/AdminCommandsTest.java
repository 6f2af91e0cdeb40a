package org.claimscrubber.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.claimscrubber.Scrubber;
import org.claimscrubber.cli.MainRun;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.embedded.EmbeddedConfig;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.stream.ClaimPublisher;
import org.claimscrubber.stream.DecisionReader;
import org.claimscrubber.stream.OnEmbeddedBroker;
import org.claimscrubber.stream.ProcessorApp;
import org.claimscrubber.stream.TopicCounter;
import org.claimscrubber.stream.Topics;
import org.claimscrubber.avro.ClaimFrequency;
import org.claimscrubber.avro.ClaimLine;
import org.claimscrubber.avro.ClaimSubmitted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** replay-dlq and reset on a real broker. */
class AdminCommandsTest extends OnEmbeddedBroker {
    @TempDir
    Path dir;

    private static ClaimSubmitted claim() {
        return ClaimSubmitted.newBuilder().setEventId("E1").setClaimId("C1").setFrequency(ClaimFrequency.ORIGINAL).setMemberId("M1")
                .setBillingProviderNpi("1003000126").setPlaceOfService("11").setDiagnoses(List.of("M54.16"))
                .setLines(List.of(ClaimLine.newBuilder().setLineNumber(1).setProcedureCode("62323").setUnits(1)
                        .setServiceDate("2026-03-02").setDiagnosisPointers(List.of(1)).build())).build();
    }

    @Test
    void replayDlqSendsDeadLettersBackOnceAndResetReprocessesFromScratch() throws Exception {
        Map<String, Object> config = EmbeddedConfig.withOwnTopics(kafka, registry, "admin", dir.resolve("state"));
        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        keepForever(config, "admin.submitted");
        EditEngine engine = new EditEngine(Scrubber.sampleReference(), Policies.loadDefault(), ProviderBasis.RENDERING, Scrubber.FIXED);
        try (ClaimPublisher publisher = new ClaimPublisher(config)) {
            publisher.publish(claim());
            publisher.publishRaw("BAD", new byte[] {7, 7});
        }
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        try (DecisionReader reader = new DecisionReader(config)) {
            try (ProcessorApp app = new ProcessorApp(config, engine).start(Duration.ofSeconds(60))) {
                assertEquals(1, reader.read(1, Duration.ofSeconds(60)).size());
                assertThrows(IllegalStateException.class, () -> new StreamsReset(config, quiet).reset(true, true),
                        "reset refuses while an instance runs");
            }
            assertEquals(1, TopicCounter.count(config, "admin.dlq", Duration.ofSeconds(10)));

            assertEquals(1, new DlqReplay(config, quiet).replay(null, true));
            assertEquals(0, new DlqReplay(config, quiet).replay("NoSuchException", false));
            assertEquals(2, TopicCounter.count(config, "admin.submitted", Duration.ofSeconds(10)), "a dry run moves nothing");
            assertEquals(1, new DlqReplay(config, quiet).replay("SerializationException", false));
            assertEquals(3, TopicCounter.count(config, "admin.submitted", Duration.ofSeconds(10)));

            List<String> internal = new StreamsReset(config, quiet).reset(true, true);
            assertTrue(internal.contains("admin-member-history-changelog"), internal.toString());
            assertTrue(!Files.exists(dir.resolve("state").resolve("admin")), "local state wiped");
            try (ProcessorApp app = new ProcessorApp(config, engine).start(Duration.ofSeconds(60))) {
                List<Decision> again = reader.read(1, Duration.ofSeconds(60));
                assertEquals("E1", again.get(0).eventId(), "the claim is judged again after the reset, not taken for a redelivery");
            }
            assertEquals(3, TopicCounter.count(config, "admin.dlq", Duration.ofSeconds(10)),
                    "the corrupt record went to the DLQ again, twice: replayed once, then reprocessed after the reset");
        }
    }

    /** retention.ms=-1: the input keeps every claim, so a reset can rebuild every member's history from it. */
    private static void keepForever(Map<String, Object> config, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", config.get("bootstrap.servers")))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    List.of(new AlterConfigOp(new ConfigEntry("retention.ms", "-1"), AlterConfigOp.OpType.SET)))).all().get();
        }
    }

    private static MainRun reset(Path configFile, String bootstrap, String... flags) {
        List<String> args = new ArrayList<>(List.of("reset", "--bootstrap-servers", bootstrap, "--config", configFile.toString()));
        args.addAll(List.of(flags));
        return MainRun.of(args.toArray(String[]::new));
    }

    @Test
    void resetRefusesToLoseHistoryThatTheInputCannotRebuildUnlessExplicitlyAllowed() throws Exception {
        Map<String, Object> config = EmbeddedConfig.withOwnTopics(kafka, registry, "loss", dir.resolve("state"));
        Path configFile = dir.resolve("loss.properties");
        StringBuilder properties = new StringBuilder();
        config.forEach((k, v) -> properties.append(k).append('=').append(v).append('\n'));
        Files.writeString(configFile, properties);
        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        EditEngine engine = new EditEngine(Scrubber.sampleReference(), Policies.loadDefault(), ProviderBasis.RENDERING, Scrubber.FIXED);
        try (ClaimPublisher publisher = new ClaimPublisher(config)) {
            publisher.publish(claim());
            publisher.publish(ClaimSubmitted.newBuilder(claim()).setEventId("E2").setClaimId("C2").build());
        }
        try (DecisionReader reader = new DecisionReader(config);
             ProcessorApp app = new ProcessorApp(config, engine).start(Duration.ofSeconds(60))) {
            assertEquals(2, reader.read(2, Duration.ofSeconds(60)).size());
        }
        String bootstrap = kafka.bootstrapServers();

        MainRun finite = reset(configFile, bootstrap, "--yes");
        assertEquals(2, finite.exit(), finite.out() + finite.err());
        assertTrue(finite.out().contains("retention.ms=604800000"), finite.out());
        assertTrue(finite.err().contains("--allow-history-loss"), finite.err());

        keepForever(config, "loss.submitted");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.deleteRecords(Map.of(new TopicPartition("loss.submitted", 0), RecordsToDelete.beforeOffset(1))).all().get();
        }
        MainRun deleted = reset(configFile, bootstrap, "--yes");
        assertEquals(2, deleted.exit(), deleted.out() + deleted.err());
        assertTrue(deleted.out().contains("loss.submitted partition 0 starts at offset 1"), deleted.out());
        MainRun toLatest = reset(configFile, bootstrap, "--yes", "--to-latest");
        assertEquals(2, toLatest.exit(), toLatest.out() + toLatest.err());
        assertTrue(toLatest.out().contains("--to-latest"), toLatest.out());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            assertTrue(admin.listTopics().names().get().contains("loss-member-history-changelog"), "a refused reset changes nothing");
        }

        MainRun allowed = reset(configFile, bootstrap, "--yes", "--allow-history-loss");
        assertEquals(0, allowed.exit(), allowed.out() + allowed.err());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            assertFalse(admin.listTopics().names().get().contains("loss-member-history-changelog"));
        }
    }
}
