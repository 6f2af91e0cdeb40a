package org.claimscrubber.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.claimscrubber.embedded.EmbeddedKafka;
import org.claimscrubber.embedded.EmbeddedSchemaRegistry;
import org.claimscrubber.generate.ClaimGenerator;
import org.claimscrubber.stream.ClientConfigs;
import org.claimscrubber.stream.DeadLetters;
import org.claimscrubber.stream.TopicCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** produce and replay-dlq end with a clear error, exit 1, when the cluster does not take what they send. */
class ProducingCommandsTest extends org.claimscrubber.stream.OnEmbeddedBroker {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Path topicsConfig(String prefix) throws Exception {
        return Files.writeString(dir.resolve(prefix + ".properties"), "claimscrubber.topic.submitted=" + prefix + ".submitted\n"
                + "claimscrubber.dlq.topic=" + prefix + ".dlq\nmax.block.ms=5000\ndelivery.timeout.ms=10000\nrequest.timeout.ms=5000\n"
                + "default.api.timeout.ms=5000\n");
    }

    private Path claims(int count) throws Exception {
        return Files.write(dir.resolve("claims.jsonl"), new ClaimGenerator(3, 0.1).lines(count));
    }

    private static void createTopic(String name, Map<String, String> configs) throws Exception {
        try (Admin admin = Admin.create(ClientConfigs.connection(Map.of("bootstrap.servers", kafka.bootstrapServers())))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1).configs(configs))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static Run run(Callable<Integer> command, ByteArrayOutputStream out, ByteArrayOutputStream err,
                           String... args) {
        int exit = new CommandLine(command).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run produce(String prefix, Path claims) throws Exception {
        ProduceCommand command = new ProduceCommand();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return run(command, new ByteArrayOutputStream(), err, "--bootstrap-servers", kafka.bootstrapServers(),
                "--schema-registry-url", registry.url(), "--config", topicsConfig(prefix).toString(), "--claims", claims.toString());
    }

    @Test
    void produceX12SendsTheClaimsOfAcceptedInterchangesAndNothingOfARejectedOne() throws Exception {
        createTopic("x12p.submitted", Map.of());
        Path cases = Path.of("processor/src/test/resources/x12/cases");
        ProduceCommand command = new ProduceCommand();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);

        Run run = run(command, new ByteArrayOutputStream(), err, "--bootstrap-servers", kafka.bootstrapServers(),
                "--schema-registry-url", registry.url(), "--config", topicsConfig("x12p").toString(), "--x12",
                cases.resolve("several-providers.837").toString(), cases.resolve("wrong-se-count.837").toString(),
                cases.resolve("not-x12.txt").toString(), cases.resolve("frequencies.837").toString());

        assertEquals(3, run.exit(), run.err());
        assertTrue(run.err().contains("published 7 events to x12p.submitted; 2 interchange(s) or file(s) rejected"), run.err());
        assertTrue(run.err().contains("wrong-se-count.837: interchange 000000106"), run.err());
        assertEquals(7, TopicCounter.count(Map.of("bootstrap.servers", kafka.bootstrapServers()), "x12p.submitted", Duration.ofSeconds(10)));
    }

    @Test
    void produceKeysEachClaimByItsMemberIdAndAClaimWithoutOneByItsClaimId() throws Exception {
        createTopic("keyed.submitted", Map.of());
        String line = new ClaimGenerator(5, 0).lines(1).get(0);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var blank = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(line);
        blank.put("eventId", "E-BLANK").put("claimId", "C-BLANK").put("memberId", " ");
        Path file = Files.write(dir.resolve("keyed.jsonl"), List.of(line, json.writeValueAsString(blank)));
        String member = json.readTree(line).get("memberId").asText();

        Run run = produce("keyed", file);

        assertEquals(0, run.exit(), run.err());
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "group.id", "keyed-check", "auto.offset.reset", "earliest"),
                new org.apache.kafka.common.serialization.StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of("keyed.submitted"));
            List<String> keys = new java.util.ArrayList<>();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
                return keys.size() >= 2;
            });
            assertEquals(List.of(member, "C-BLANK"), keys);
        }
    }

    @Test
    void produceToAClusterWithoutTheInputTopicEndsWithAClearErrorWithinBoundedTime() throws Exception {
        Path claims = claims(20);

        Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> produce("missing", claims));

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("missing.submitted") && run.err().contains("does not exist"), run.err());
        assertFalse(run.err().contains("published"), run.err());
    }

    @Test
    void produceThatTheBrokerRefusesExitsOneAndReportsNothingAsPublished() throws Exception {
        createTopic("small.submitted", Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "100"));

        Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> produce("small", claims(20)));

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("RecordTooLargeException"), run.err());
        assertFalse(run.err().contains("published 20"), run.err());
    }

    @Test
    void replayDlqThatTheBrokerRefusesExitsOneWithTheError() throws Exception {
        createTopic("replay.dlq", Map.of());
        createTopic("replay.submitted", Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "100"));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ClientConfigs.connection(
                Map.of("bootstrap.servers", kafka.bootstrapServers())), new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>("replay.dlq", "K".getBytes(StandardCharsets.UTF_8),
                    new byte[400]);
            letter.headers().add(DeadLetters.EXCEPTION, "org.apache.kafka.common.errors.SerializationException".getBytes(StandardCharsets.UTF_8));
            producer.send(letter).get(30, TimeUnit.SECONDS);
        }
        ReplayDlqCommand command = new ReplayDlqCommand();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);

        Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(command, out, err, "--bootstrap-servers",
                kafka.bootstrapServers(), "--config", topicsConfig("replay").toString()));

        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("RecordTooLargeException"), run.err());
        assertFalse(run.out().contains("replayed 1"), run.out());
        assertEquals(0, TopicCounter.count(Map.of("bootstrap.servers", kafka.bootstrapServers()), "replay.submitted",
                Duration.ofSeconds(10)));
    }
}
