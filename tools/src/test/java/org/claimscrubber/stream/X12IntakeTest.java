package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.claimscrubber.Scrubber;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.embedded.EmbeddedConfig;
import org.claimscrubber.serde.AvroSerde;
import org.claimscrubber.x12.X12IntakeApp;
import org.claimscrubber.x12.X12Segments;
import org.claimscrubber.x12.X12IntakeTopology;
import org.claimscrubber.x12.X12Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The X12 intake on a real broker: every kind of bad 837P record, between good ones, goes to the DLQ as it arrived
 * with its segment position and error in the headers, and none of its claims is published; the good interchanges'
 * claims are published once each; every readable interchange gets a 999.
 */
class X12IntakeTest extends OnEmbeddedBroker {
    private static final Path CASES = Path.of("processor/src/test/resources/x12/cases");

    @TempDir
    Path dir;

    private static byte[] file(String name) throws IOException {
        return Files.readAllBytes(CASES.resolve(name));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void badInterchangesAreDeadLetteredWholeAndTheGoodOnesArePublishedOnce() throws Exception {
        Map<String, Object> config = EmbeddedConfig.withOwnTopics(kafka, registry, "x12in", dir.resolve("state"));
        config.put(X12Topics.X12_CONFIG, "x12in.x12");
        config.put(X12Topics.ACK_CONFIG, "x12in.x12.ack");
        config.put(X12Topics.PENDING_CONFIG, "x12in.x12.pending");
        config.put(X12IntakeTopology.ACK_TIMEOUT_CONFIG, "1000");
        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        X12IntakeApp.ensureTopics(config, 1);

        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("NOT-X12-TEXT", file("not-x12.txt"));
        bad.put("NOT-X12-BINARY", file("not-x12-binary.bin"));
        bad.put("EMPTY", new byte[0]);
        bad.put("TRUNCATED", file("truncated.837"));
        bad.put("SE-COUNT", file("wrong-se-count.837"));
        bad.put("SE-CONTROL", file("wrong-se-control.837"));
        bad.put("GE-COUNT", file("wrong-ge-count.837"));
        bad.put("GE-CONTROL", file("wrong-ge-control.837"));
        bad.put("IEA-COUNT", file("wrong-iea-count.837"));
        bad.put("IEA-CONTROL", file("wrong-iea-control.837"));
        bad.put("NOT-837", file("not-837.x12"));
        bad.put("FREQUENCY-6", file("frequency-6.837"));
        bad.put("SERVICE-LINE", file("bad-service-line.837"));
        bad.put("GOOD-THEN-BAD", concat(file("frequencies.837"), file("wrong-se-count.837")));

        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(new ProducerRecord<>("x12in.x12", "GOOD-1", file("several-providers.837")));
        bad.forEach((key, value) -> records.add(new ProducerRecord<>("x12in.x12", key, value)));
        records.add(new ProducerRecord<>("x12in.x12", "NULL", null));
        records.add(new ProducerRecord<>("x12in.x12", "GOOD-2", file("endings-crlf.837")));
        records.add(new ProducerRecord<>("x12in.x12", "RESENT", file("several-providers.837")));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> r : records) {
                producer.send(r).get();
            }
        }

        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> claims = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> acks = new ArrayList<>();
        try (X12IntakeApp app = new X12IntakeApp(config).start(Duration.ofSeconds(60));
             KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                     "group.id", "x12-check", "auto.offset.reset", "earliest", "isolation.level", "read_committed"),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of("x12in.dlq", "x12in.submitted", "x12in.x12.ack"));
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(10)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    (r.topic().endsWith(".dlq") ? dead : r.topic().endsWith(".submitted") ? claims : acks).add(r);
                }
                return dead.size() >= bad.size() + 1 && claims.size() >= 9
                        && acks.stream().filter(r -> text(r).contains("ST*277*")).count() >= 3;
            });
        }

        List<String> deadKeys = dead.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
        List<String> expectedDead = new ArrayList<>(bad.keySet());
        expectedDead.add("NULL");
        assertEquals(expectedDead, deadKeys);
        for (ConsumerRecord<byte[], byte[]> r : dead) {
            String key = new String(r.key(), StandardCharsets.UTF_8);
            assertNotNull(r.headers().lastHeader("claimscrubber.x12.segment"), key);
            assertNotNull(r.headers().lastHeader("claimscrubber.x12.error"), key);
            assertEquals("x12in.x12", new String(r.headers().lastHeader(DeadLetters.TOPIC).value(), StandardCharsets.UTF_8));
            if (!key.equals("NULL") && !key.equals("EMPTY")) {
                assertTrue(java.util.Arrays.equals(bad.get(key), r.value()), key + ": the DLQ holds the record as it arrived");
            }
        }
        assertEquals("27", new String(dead.get(deadKeys.indexOf("SE-COUNT")).headers().lastHeader("claimscrubber.x12.segment").value(),
                StandardCharsets.UTF_8), "SE01's position in its transaction set");
        assertEquals("28", new String(dead.get(deadKeys.indexOf("TRUNCATED")).headers().lastHeader("claimscrubber.x12.segment").value(),
                StandardCharsets.UTF_8));

        AvroSerde<ClaimSubmitted> serde = AvroSerde.of(ClaimSubmitted.class, config, false);
        List<String> published = claims.stream().map(r -> serde.deserializer().deserialize("x12in.submitted", r.value()).getClaimId()).toList();
        assertEquals(List.of("C-MULTI-1", "C-MULTI-2", "C-MULTI-3", "C-MULTI-4", "C-EOL-1", "C-MULTI-1", "C-MULTI-2", "C-MULTI-3", "C-MULTI-4"),
                published, "nothing of a bad record (not the good first interchange of GOOD-THEN-BAD either); a resent file again, same event ids");
        List<String> eventIds = claims.stream().map(r -> serde.deserializer().deserialize("x12in.submitted", r.value()).getEventId()).toList();
        assertEquals(eventIds.subList(0, 4), eventIds.subList(5, 9));
        for (ConsumerRecord<byte[], byte[]> r : claims) {
            ClaimSubmitted c = serde.deserializer().deserialize("x12in.submitted", r.value());
            assertEquals(InputKeying.memberKey(c), new String(r.key(), StandardCharsets.UTF_8), "keyed by member id: " + c.getClaimId());
        }

        List<String> ackKeys = acks.stream().filter(r -> text(r).contains("ST*999*")).map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
        assertEquals(List.of("GOOD-1", "SE-COUNT", "SE-CONTROL", "GE-COUNT", "GE-CONTROL", "IEA-COUNT", "IEA-CONTROL", "NOT-837", "FREQUENCY-6",
                "SERVICE-LINE", "GOOD-THEN-BAD", "GOOD-THEN-BAD", "GOOD-2", "RESENT"), ackKeys, "a 999 per readable interchange");
        assertTrue(text(acks.get(1)).contains("IK5*R*4"));
        List<String> claimAcks = acks.stream().map(X12IntakeTest::text).filter(t -> t.contains("ST*277*")).toList();
        assertEquals(3, claimAcks.size(), "a 277CA for each accepted interchange (GOOD-1, GOOD-2, RESENT), none for a rejected one");
        assertTrue(claimAcks.get(0).contains("STC*A1:19*"), "no decision within the timeout (no processor here): received only");
    }

    static String text(ConsumerRecord<byte[], byte[]> r) {
        return new String(r.value(), StandardCharsets.UTF_8);
    }

    @Test
    void theProcessorsDecisionsComeBackAsA277caThatStaediReadsWithTheClaimsAndControlNumbersOfThe837() throws Exception {
        Map<String, Object> config = EmbeddedConfig.withOwnTopics(kafka, registry, "x12e2e", dir.resolve("state"));
        config.put(X12Topics.X12_CONFIG, "x12e2e.x12");
        config.put(X12Topics.ACK_CONFIG, "x12e2e.x12.ack");
        config.put(X12Topics.PENDING_CONFIG, "x12e2e.x12.pending");
        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        X12IntakeApp.ensureTopics(config, 1);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("x12e2e.x12", "SUBMITTER01", file("several-providers.837"))).get();
            producer.send(new ProducerRecord<>("x12e2e.x12", "SUBMITTER01", file("incomplete-claims.837"))).get();
        }

        List<String> claimAcks = new ArrayList<>();
        EditEngine engine = new EditEngine(Scrubber.sampleReference(), Policies.loadDefault(), ProviderBasis.RENDERING, Scrubber.FIXED);
        try (X12IntakeApp intake = new X12IntakeApp(config).start(Duration.ofSeconds(60));
             ProcessorApp processor = new ProcessorApp(config, engine).start(Duration.ofSeconds(60));
             KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                     "group.id", "x12-e2e", "auto.offset.reset", "earliest", "isolation.level", "read_committed"),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of("x12e2e.x12.ack"));
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(10)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (text(r).contains("ST*277*")) {
                        claimAcks.add(text(r));
                    }
                }
                return claimAcks.size() >= 2;
            });
        }

        claimAcks.sort(java.util.Comparator.comparing(t -> t.contains("*000000104*") ? 0 : 1));
        X12Segments good = X12Segments.read(claimAcks.get(0).getBytes(StandardCharsets.US_ASCII));
        X12Segments incomplete = X12Segments.read(claimAcks.get(1).getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of(), good.errors());
        assertEquals(List.of(), incomplete.errors());
        assertEquals("000000104", X12Segments.element(good.withTag("ISA").get(0), 13));
        assertEquals("000000115", X12Segments.element(incomplete.withTag("ISA").get(0), 13));
        assertEquals(List.of("C-MULTI-1", "C-MULTI-2", "C-MULTI-3", "C-MULTI-4"),
                good.withTag("TRN").stream().filter(t -> t.startsWith("TRN*2*C-")).map(t -> X12Segments.element(t, 2)).toList());
        assertEquals(4, good.withTag("STC").stream().filter(t -> t.startsWith("STC*A2:20*")).count(), good.segments().toString());
        assertEquals(2, incomplete.withTag("STC").stream().filter(t -> t.startsWith("STC*A7:164:IL*")).count(), incomplete.segments().toString());
    }
}
