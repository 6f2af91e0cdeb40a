package org.claimscrubber.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.claimscrubber.TestReference;
import org.claimscrubber.embedded.EmbeddedKafka;
import org.claimscrubber.embedded.EmbeddedSchemaRegistry;
import org.claimscrubber.stream.ClientConfigs;
import org.claimscrubber.stream.ReferenceRecords;
import org.claimscrubber.stream.TopicCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** load-reference reports a load as done only when the cluster acknowledged all of it, and refuses partial folders. */
class LoadReferenceCommandTest extends org.claimscrubber.stream.OnEmbeddedBroker {

    @TempDir
    Path dir;

    record Run(int exit, String err) {
    }

    static Run load(String... args) {
        LoadReferenceCommand command = new LoadReferenceCommand();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(command).execute(args);
        return new Run(exit, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLoadTheBrokerRefusesExitsOneWithTheErrorAndNothingIsReportedSentOrVisible() throws Exception {
        try (Admin admin = Admin.create(ClientConfigs.connection(Map.of("bootstrap.servers", kafka.bootstrapServers())))) {
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(ReferenceRecords.PTP)) {
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, ReferenceRecords.PTP), List.of(
                        new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "100"), AlterConfigOp.OpType.SET))))
                        .all().get(30, TimeUnit.SECONDS);
            } else {
                admin.createTopics(List.of(new NewTopic(ReferenceRecords.PTP, 1, (short) 1).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "100")))).all().get(30, TimeUnit.SECONDS);
            }
        }

        Run run = assertTimeoutPreemptively(Duration.ofSeconds(150),
                () -> load("--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url()));

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("reference.ptp") && run.err().contains("RecordTooLargeException"), run.err());
        assertFalse(run.err().contains("rows sent"), run.err());
        for (String topic : List.of(ReferenceRecords.PTP, ReferenceRecords.MUE, ReferenceRecords.CODES)) {
            assertEquals(0, committed(topic), topic + " holds no committed record");
        }
    }

    @Test
    void aLoadToAClosedBrokerExitsOneWithinTheConfiguredTimeouts() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path config = Files.writeString(dir.resolve("client.properties"),
                "default.api.timeout.ms=3000\nrequest.timeout.ms=2000\nmax.block.ms=3000\n");

        Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> load("--bootstrap-servers", "127.0.0.1:" + closedPort,
                "--schema-registry-url", registry.url(), "--config", config.toString()));

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().startsWith("load-reference: "), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertFalse(run.err().contains("rows sent"), run.err());
    }

    @Test
    void aFolderWithoutOneOfTheThreeTablesIsRefusedBeforeAnythingIsSent() throws Exception {
        Path partial = Files.createDirectories(dir.resolve("partial"));
        for (String name : List.of("ccipra-v320r0-f1.txt", "PPRRVU2026_Jan_nonQPP.csv")) {
            Files.writeString(partial.resolve(name), TestReference.sampleText(name), StandardCharsets.ISO_8859_1);
        }

        Run run = load("--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url(),
                "--dir", partial.toString());

        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("MUE"), run.err());
        for (String topic : List.of(ReferenceRecords.PTP, ReferenceRecords.CODES)) {
            assertEquals(0, committed(topic), topic + " holds no committed record");
        }
    }

    /** Committed records on a topic; 0 when it does not exist. */
    private static long committed(String topic) throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = Admin.create(ClientConfigs.connection(config))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                return 0;
            }
        }
        return TopicCounter.count(config, topic, Duration.ofSeconds(10));
    }
}
