package org.claimscrubber.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.claimscrubber.avro.ClaimFrequency;
import org.claimscrubber.avro.ClaimLine;
import org.claimscrubber.avro.ClaimSubmitted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
    private static final String SCOPE = "avro-serde-test";
    private static final Map<String, Object> CONFIG = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);
    private static final Schema V1 = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Claim\",\"namespace\":\"com.example\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"double\"}]}");
    private static final Schema V2 = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Claim\",\"namespace\":\"com.example\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"double\"},"
            + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}");

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    private static GenericRecord record(Schema schema, String id, double amount) {
        GenericRecord r = new GenericData.Record(schema);
        r.put("id", id);
        r.put("amount", amount);
        return r;
    }

    private static AvroSerializer<GenericRecord> serializer() {
        AvroSerializer<GenericRecord> s = new AvroSerializer<>();
        s.configure(CONFIG, false);
        return s;
    }

    private static AvroDeserializer<GenericRecord> deserializer(Schema reader) {
        AvroDeserializer<GenericRecord> d = new AvroDeserializer<>(reader);
        d.configure(CONFIG, false);
        return d;
    }

    @Test
    void writesTheGoldenVectorsOfTheConfluentFormat() {
        byte[] first = serializer().serialize("claims", record(V1, "c-1", 12.5));
        GenericRecord second = record(V2, "c-2", 99.0);
        second.put("note", "hello");

        assertEquals("0000000001" + "06632d31" + "0000000000002940", HexFormat.of().formatHex(first));
        assertEquals("0000000002" + "06632d32" + "0000000000c05840" + "020a68656c6c6f",
                HexFormat.of().formatHex(serializer().serialize("claims", second)));
    }

    @Test
    void readsTheGoldenVectorsBack() {
        MockSchemaRegistry.scope(SCOPE).register("claims-value", V1);
        byte[] golden = HexFormat.of().parseHex("000000000106632d310000000000002940");

        GenericRecord r = deserializer(null).deserialize("claims", golden);

        assertEquals("c-1", r.get("id").toString());
        assertEquals(12.5, r.get("amount"));
    }

    @Test
    void readsANewerBackwardCompatibleWriterThroughTheReaderSchema() {
        GenericRecord newer = record(V2, "c-2", 99.0);
        newer.put("note", "hello");
        byte[] bytes = serializer().serialize("claims", newer);

        GenericRecord read = deserializer(V1).deserialize("claims", bytes);

        assertEquals("c-2", read.get("id").toString());
        assertEquals(List.of("id", "amount"), read.getSchema().getFields().stream().map(Schema.Field::name).toList());
    }

    @Test
    void roundTripsASpecificClaim() {
        ClaimSubmitted claim = ClaimSubmitted.newBuilder().setEventId("E1").setClaimId("C1").setFrequency(ClaimFrequency.ORIGINAL)
                .setMemberId("M1").setBillingProviderNpi("1003000126").setPlaceOfService("11").setDiagnoses(List.of("M54.16"))
                .setLines(List.of(ClaimLine.newBuilder().setLineNumber(1).setProcedureCode("62323").setUnits(1)
                        .setServiceDate("2026-03-02").setDiagnosisPointers(List.of(1)).build()))
                .build();
        AvroSerde<ClaimSubmitted> serde = AvroSerde.of(ClaimSubmitted.class, CONFIG, false);

        byte[] bytes = serde.serializer().serialize("claims.submitted", claim);

        assertEquals(claim, serde.deserializer().deserialize("claims.submitted", bytes));
        assertEquals(List.of("claims.submitted-value"), MockSchemaRegistry.scope(SCOPE).subjects());
    }

    private static AvroSerde<org.claimscrubber.avro.ClaimDecision> decisionsWithoutRegistering() {
        return AvroSerde.of(org.claimscrubber.avro.ClaimDecision.class,
                Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE, SerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);
    }

    private static org.claimscrubber.avro.ClaimDecision acceptedDecision(String claimId) {
        return org.claimscrubber.stream.AvroMapping.toAvro(new org.claimscrubber.decision.Decision(claimId, "E-" + claimId, "M1",
                org.claimscrubber.decision.Disposition.ACCEPTED, List.of(), List.of(), Map.of(), java.time.Instant.parse("2026-12-07T10:00:00Z")));
    }

    /**
     * A schema that another client registered from the published file ({@code schemas/claim-decision.avsc}) is the one
     * our serializer finds without registering (as the processor writes decisions) and the one register-schemas
     * registers: the generated class's schema carries the Java-only {@code avro.java.string} on every string, which a
     * registry counts as another schema (our lookup failed with 40403 and register-schemas added a second version).
     */
    @Test
    void theSchemaRegisteredFromThePublishedFileIsFoundWithoutRegistering() throws java.io.IOException {
        Schema published = new Schema.Parser().parse(java.nio.file.Path.of("schemas/claim-decision.avsc").toFile());
        int id = MockSchemaRegistry.scope(SCOPE).register("claims.flagged-value", published);
        AvroSerde<org.claimscrubber.avro.ClaimDecision> serde = decisionsWithoutRegistering();
        org.claimscrubber.avro.ClaimDecision decision = acceptedDecision("C1");

        byte[] bytes = serde.serializer().serialize("claims.flagged", decision);

        assertArrayEquals(new byte[] {0, 0, 0, 0, (byte) id}, java.util.Arrays.copyOf(bytes, 5));
        assertEquals(decision, serde.deserializer().deserialize("claims.flagged", bytes));
        assertEquals(1, MockSchemaRegistry.scope(SCOPE).versions("claims.flagged-value").size());
    }

    /** A subject that an earlier build registered in the generated form (with avro.java.string) is still found. */
    @Test
    void theSchemaAnEarlierBuildRegisteredIsStillFoundWithoutRegistering() {
        int id = MockSchemaRegistry.scope(SCOPE).register("claims.accepted-value", org.claimscrubber.avro.ClaimDecision.getClassSchema());
        AvroSerde<org.claimscrubber.avro.ClaimDecision> serde = decisionsWithoutRegistering();
        org.claimscrubber.avro.ClaimDecision decision = acceptedDecision("C2");

        byte[] bytes = serde.serializer().serialize("claims.accepted", decision);

        assertArrayEquals(new byte[] {0, 0, 0, 0, (byte) id}, java.util.Arrays.copyOf(bytes, 5));
        assertEquals(1, MockSchemaRegistry.scope(SCOPE).versions("claims.accepted-value").size());
    }

    /** A subject that holds another schema (an earlier build's) is a 40403 that names the subject, for the operator's hint. */
    @Test
    void aSubjectWithoutOurSchemaIsA40403NamingTheSubject() {
        MockSchemaRegistry.scope(SCOPE).register("claims.review-value", V1);
        AvroSerde<org.claimscrubber.avro.ClaimDecision> serde = decisionsWithoutRegistering();
        org.claimscrubber.avro.ClaimDecision decision = acceptedDecision("C3");

        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> serde.serializer().serialize("claims.review", decision));

        assertEquals(SchemaRegistryException.SCHEMA_NOT_FOUND, e.errorCode());
        assertEquals("claims.review-value", org.claimscrubber.stream.ProcessingToDlq.unregisteredSubject(e));
    }

    /** Every subject register-schemas registers holds exactly its published schema file. */
    @Test
    void registerSchemasRegistersThePublishedFiles() throws java.io.IOException {
        Map<String, Schema> bySubject = org.claimscrubber.cli.RegisterSchemasCommand.subjects(org.claimscrubber.stream.Topics.from(Map.of()));
        Map<String, Schema> files = new java.util.HashMap<>();
        try (var paths = java.nio.file.Files.list(java.nio.file.Path.of("schemas"))) {
            for (java.nio.file.Path file : paths.toList()) {
                Schema schema = new Schema.Parser().parse(file.toFile());
                files.put(schema.getFullName(), schema);
            }
        }

        assertEquals(11, bySubject.size());
        bySubject.forEach((subject, schema) -> assertEquals(files.get(schema.getFullName()).toString(), schema.toString(), subject));
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertNull(serializer().serialize("claims", null));
        assertNull(deserializer(null).deserialize("claims", null));
    }

    @Test
    void wrongMagicByteUnknownIdAndGarbageAreSerializationErrors() {
        assertThrows(SerializationException.class, () -> deserializer(V1).deserialize("claims", new byte[] {1, 0, 0, 0, 1, 6}));
        assertThrows(SerializationException.class, () -> deserializer(V1).deserialize("claims", new byte[] {0, 0, 0, 0, 42, 6}));
        assertThrows(SerializationException.class, () -> deserializer(V1).deserialize("claims", new byte[0]));
        byte[] good = serializer().serialize("claims", record(V1, "c-1", 12.5));
        assertThrows(SerializationException.class, () -> deserializer(V1).deserialize("claims", java.util.Arrays.copyOf(good, 7)));
    }

    @Test
    void withoutAutoRegisterTheSchemaMustAlreadyBeRegistered() {
        AvroSerializer<GenericRecord> s = new AvroSerializer<>();
        s.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE, SerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> s.serialize("claims", record(V1, "c", 1)));
        assertEquals(40401, e.errorCode());
        int id = MockSchemaRegistry.scope(SCOPE).register("claims-value", V1);
        assertArrayEquals(new byte[] {0, 0, 0, 0, (byte) id}, java.util.Arrays.copyOf(s.serialize("claims", record(V1, "c", 1)), 5));
    }

    @Test
    void incompatibleSchemaIsRefusedWith409() {
        InMemorySchemaRegistry registry = MockSchemaRegistry.scope(SCOPE);
        registry.register("claims-value", V1);
        Schema incompatible = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Claim\",\"namespace\":\"com.example\","
                + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"required\",\"type\":\"int\"}]}");

        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> registry.register("claims-value", incompatible));

        assertEquals(409, e.status());
        assertEquals(1, registry.register("other-value", V1));
    }
}
