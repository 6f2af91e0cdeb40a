package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.claimscrubber.Scrubber;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.avro.ClaimFrequency;
import org.claimscrubber.avro.ClaimLine;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.embedded.EmbeddedConfig;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.serde.AvroSerializer;
import org.claimscrubber.serde.SerdeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input catalogue on a real broker: every kind of bad event, between good ones, lands in the DLQ with
 * its error headers or is flagged INVALID_CLAIM (or, where noted, is accepted as normalised), processing goes
 * on, and nothing is lost. The README's bad-input table names these kinds.
 */
class BadInputCatalogueTest extends OnEmbeddedBroker {
    @TempDir
    Path dir;

    private static ClaimSubmitted.Builder good(String id) {
        return ClaimSubmitted.newBuilder().setEventId("E-" + id).setClaimId(id).setFrequency(ClaimFrequency.ORIGINAL)
                .setMemberId("M-" + id).setBillingProviderNpi("1003000126").setPlaceOfService("11").setDiagnoses(List.of("M54.50"))
                .setLines(List.of(line(1, "99213", 1, "2026-03-02"))).setSubmittedAt("2026-03-03T10:00:00Z");
    }

    private static ClaimLine line(int number, String code, int units, String date) {
        return ClaimLine.newBuilder().setLineNumber(number).setProcedureCode(code).setUnits(units).setServiceDate(date)
                .setDiagnosisPointers(List.of(1)).build();
    }

    private static ClaimSubmitted withLines(String id, ClaimLine... lines) {
        return good(id).setLines(Arrays.asList(lines)).build();
    }

    @Test
    void everyKindOfBadEventIsDeadLetteredOrFlaggedAndTheGoodOnesGetThrough() throws Exception {
        Map<String, Object> config = EmbeddedConfig.withOwnTopics(kafka, registry, "bad", dir.resolve("state"));
        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        String topic = "bad.submitted";
        AvroSerializer<org.apache.avro.generic.GenericContainer> serializer =
                new AvroSerializer<>(SerdeConfig.from(config, false), false);

        Map<String, String> expected = new LinkedHashMap<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        java.util.function.BiConsumer<ClaimSubmitted, String> claim = (c, outcome) -> {
            records.add(new ProducerRecord<>(topic, c.getClaimId(), serializer.serialize(topic, c)));
            expected.put(c.getClaimId(), outcome);
        };
        java.util.function.BiConsumer<String, byte[]> raw = (key, value) -> records.add(new ProducerRecord<>(topic, key, value));

        claim.accept(good("GOOD-1").build(), "ACCEPTED");
        raw.accept("EMPTY-VALUE", new byte[0]);
        raw.accept("NULL-VALUE", null);
        byte[] valid = serializer.serialize(topic, good("X").build());
        byte[] wrongMagic = valid.clone();
        wrongMagic[0] = 1;
        raw.accept("WRONG-MAGIC", wrongMagic);
        byte[] unknownId = valid.clone();
        unknownId[4] = 99;
        raw.accept("UNKNOWN-SCHEMA-ID", unknownId);
        raw.accept("TRUNCATED", Arrays.copyOf(valid, valid.length / 2));
        ClaimDecision decision = ClaimDecision.newBuilder().setClaimId("D").setEventId("E").setMemberId("M")
                .setDisposition(org.claimscrubber.avro.Disposition.ACCEPTED).setFindings(List.of()).setLines(List.of())
                .setReferenceVersions(Map.of()).setProcessedAt("2026-03-03T10:00:00Z").build();
        raw.accept("ANOTHER-SCHEMA", serializer.serialize("some-other-topic", decision));
        List<Schema.Field> kept = new ArrayList<>();
        for (Schema.Field f : ClaimSubmitted.getClassSchema().getFields()) {
            if (!f.name().equals("memberId")) {
                kept.add(new Schema.Field(f, f.schema()));
            }
        }
        Schema withoutMember = Schema.createRecord("ClaimSubmitted", null, "org.claimscrubber.avro", false, kept);
        GenericRecord missing = new GenericData.Record(withoutMember);
        ClaimSubmitted template = good("MISSING-FIELD").build();
        for (Schema.Field f : withoutMember.getFields()) {
            missing.put(f.name(), template.get(f.name()));
        }
        raw.accept("MISSING-FIELD", serializer.serialize("yet-another-topic", missing));

        claim.accept(good("NO-LINES").setLines(List.of()).build(), "INVALID_CLAIM");
        ClaimLine[] thousand = new ClaimLine[1000];
        for (int i = 0; i < 1000; i++) {
            thousand[i] = line(i + 1, "99213", 1, "2026-03-02");
        }
        claim.accept(withLines("THOUSAND-LINES", thousand), "INVALID_CLAIM");
        claim.accept(withLines("INVALID-DATE", line(1, "99213", 1, "2026-02-30")), "INVALID_CLAIM");
        claim.accept(withLines("FUTURE-DATE", line(1, "99213", 1, "2026-12-31")), "INVALID_CLAIM");
        claim.accept(withLines("UNITS-ZERO", line(1, "99213", 0, "2026-03-02")), "INVALID_CLAIM");
        claim.accept(withLines("UNITS-NEGATIVE", line(1, "99213", -5, "2026-03-02")), "INVALID_CLAIM");
        claim.accept(withLines("UNITS-HUGE", line(1, "99213", 2_000_000_000, "2026-03-02")), "INVALID_CLAIM");
        claim.accept(withLines("LOWERCASE-PADDED-CODE", line(1, " g0283 ", 1, "2026-03-02")), "ACCEPTED");
        claim.accept(good("THIRTEEN-DIAGNOSES").setDiagnoses(List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M"))
                .build(), "INVALID_CLAIM");
        claim.accept(good("POINTER-ZERO").setLines(List.of(ClaimLine.newBuilder(line(1, "99213", 1, "2026-03-02"))
                .setDiagnosisPointers(List.of(0)).build())).build(), "INVALID_CLAIM");
        claim.accept(withLines("DUPLICATE-LINE-NUMBERS", line(1, "99213", 1, "2026-03-02"), line(1, "36415", 1, "2026-03-02")),
                "INVALID_CLAIM");
        claim.accept(good("FIVE-MODIFIERS").setLines(List.of(ClaimLine.newBuilder(line(1, "99213", 1, "2026-03-02"))
                .setModifiers(List.of("25", "59", "XS", "GT", "95")).build())).build(), "INVALID_CLAIM");
        claim.accept(good("CONTROL\u0007CHAR").build(), "INVALID_CLAIM");
        claim.accept(good("UNICODE-ÅØ-é-漢").build(), "ACCEPTED");
        claim.accept(good("SELF").setEventId("E-SELF-2").setFrequency(ClaimFrequency.REPLACEMENT).setOriginalClaimId("SELF")
                .setMemberId("M-GOOD-1").build(), "INVALID_CLAIM");
        claim.accept(good("VOID-1").setFrequency(ClaimFrequency.VOID).setOriginalClaimId("GOOD-1").setMemberId("M-GOOD-1").build(),
                "VOIDED");
        claim.accept(good("VOID-OF-VOID").setFrequency(ClaimFrequency.VOID).setOriginalClaimId("VOID-1").setMemberId("M-GOOD-1")
                .build(), "INVALID_CLAIM");
        claim.accept(good("REPLACES-VOIDED").setFrequency(ClaimFrequency.REPLACEMENT).setOriginalClaimId("GOOD-1")
                .setMemberId("M-GOOD-1").build(), "INVALID_CLAIM");
        claim.accept(good("GOOD-2").build(), "ACCEPTED");

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "acks", "all", "max.request.size", 4 << 20), new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> r : records) {
                producer.send(r).get();
            }
            ExecutionException tooBig = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>(topic, "OVER-MAX-SIZE", new byte[2 << 20])).get());
            assertTrue(tooBig.getCause() instanceof RecordTooLargeException, "the broker refuses a record over its max size");
        }

        EditEngine engine = new EditEngine(Scrubber.sampleReference(), Policies.loadDefault(), ProviderBasis.RENDERING, Scrubber.FIXED);
        Map<String, String> outcome = new HashMap<>();
        try (ProcessorApp app = new ProcessorApp(config, engine).start(Duration.ofSeconds(60));
             DecisionReader reader = new DecisionReader(config)) {
            for (Decision d : reader.read(expected.size(), Duration.ofSeconds(60))) {
                String edit = d.disposition() == Disposition.FLAGGED ? d.findings().get(0).edit() : d.disposition().name();
                outcome.put(d.claimId(), edit);
            }
        }
        assertEquals(expected, new LinkedHashMap<>(expectedOrder(expected, outcome)));

        List<String> dead = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : CommittedRecords.awaitAtLeast(config, 7, Duration.ofSeconds(30), "bad.dlq")) {
            assertTrue(r.headers().lastHeader(DeadLetters.EXCEPTION) != null, "error headers on every dead letter");
            dead.add(new String(r.key(), StandardCharsets.UTF_8));
        }
        assertEquals(List.of("EMPTY-VALUE", "NULL-VALUE", "WRONG-MAGIC", "UNKNOWN-SCHEMA-ID", "TRUNCATED", "ANOTHER-SCHEMA",
                "MISSING-FIELD"), dead);
    }

    /** The outcomes in the order of the expectations, so a failure shows the two tables side by side. */
    private static Map<String, String> expectedOrder(Map<String, String> expected, Map<String, String> outcome) {
        Map<String, String> ordered = new LinkedHashMap<>();
        expected.keySet().forEach(k -> ordered.put(k, outcome.get(k)));
        outcome.forEach(ordered::putIfAbsent);
        return ordered;
    }
}
