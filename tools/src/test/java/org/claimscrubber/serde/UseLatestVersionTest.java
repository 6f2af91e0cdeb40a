package org.claimscrubber.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.avro.Disposition;
import org.claimscrubber.embedded.EmbeddedSchemaRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code use.latest.version} as Confluent documents it: records are written with the subject's latest schema and
 * its id, once {@code latest.compatibility.strict} has checked that the latest schema can read ours.
 */
class UseLatestVersionTest {
    private static final String TOPIC = "claims.accepted";
    private static final String SUBJECT = TOPIC + "-value";
    private static final ClaimDecision DECISION = ClaimDecision.newBuilder().setClaimId("C-1").setEventId("E-1").setMemberId("M-1")
            .setDisposition(Disposition.ACCEPTED).setFindings(List.of()).setLines(List.of())
            .setReferenceVersions(Map.of("ptp", "v321r0")).setProcessedAt("2026-03-03T10:00:00Z").build();

    private EmbeddedSchemaRegistry server;

    @BeforeEach
    void start() throws Exception {
        server = EmbeddedSchemaRegistry.start(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** ClaimDecision with one more field before {@code processedAt}. */
    private static Schema withField(String name, Schema type, Object defaultValue) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : ClaimDecision.getClassSchema().getFields()) {
            if (f.name().equals("processedAt")) {
                fields.add(new Schema.Field(name, type, null, defaultValue));
            }
            fields.add(new Schema.Field(f, f.schema()));
        }
        Schema s = ClaimDecision.getClassSchema();
        return Schema.createRecord(s.getName(), s.getDoc(), s.getNamespace(), false, fields);
    }

    private Map<String, Object> config(String... keyValues) {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.SCHEMA_REGISTRY_URL, server.url());
        config.put(SerdeConfig.AUTO_REGISTER_SCHEMAS, "false");
        config.put(SerdeConfig.USE_LATEST_VERSION, "true");
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        return config;
    }

    private Serializer<ClaimDecision> serializer(String... keyValues) {
        return AvroSerde.of(ClaimDecision.class, config(keyValues), false).serializer();
    }

    private static int id(byte[] bytes) {
        return ByteBuffer.wrap(bytes, 1, 4).getInt();
    }

    @Test
    void keepsWritingAfterTheSubjectGainsACompatibleOptionalField() {
        int v1 = server.registry().register(SUBJECT, ClaimDecision.getClassSchema());
        assertEquals(v1, id(serializer().serialize(TOPIC, DECISION)));
        Schema note = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
        int v2 = server.registry().register(SUBJECT, withField("reviewNote", note, Schema.Field.NULL_DEFAULT_VALUE));

        byte[] bytes = serializer().serialize(TOPIC, DECISION);

        assertEquals(v2, id(bytes));
        assertEquals(DECISION, AvroSerde.of(ClaimDecision.class, config(), false).deserializer().deserialize(TOPIC, bytes));
        AvroDeserializer<GenericRecord> generic = new AvroDeserializer<>(null);
        generic.configure(config(), false);
        GenericRecord asWritten = generic.deserialize(TOPIC, bytes);
        assertNull(asWritten.get("reviewNote"));
        assertEquals("C-1", asWritten.get("claimId").toString());
        assertEquals("2026-03-03T10:00:00Z", asWritten.get("processedAt").toString());
    }

    @Test
    void refusesALatestVersionThatCannotReadOurRecords() {
        server.registry().register(SUBJECT, ClaimDecision.getClassSchema());
        server.registry().setLevel(SUBJECT, "NONE");
        server.registry().register(SUBJECT, withField("auditor", Schema.create(Schema.Type.STRING), null));

        SerializationException e = assertThrows(SerializationException.class, () -> serializer().serialize(TOPIC, DECISION));

        assertTrue(e.getMessage().contains("latest.compatibility.strict"), e.getMessage());
    }

    @Test
    void withoutALatestCacheANewVersionIsPickedUpByARunningSerializer() {
        int v1 = server.registry().register(SUBJECT, ClaimDecision.getClassSchema());
        Serializer<ClaimDecision> serializer = serializer(SerdeConfig.LATEST_CACHE_TTL_SEC, "0");
        assertEquals(v1, id(serializer.serialize(TOPIC, DECISION)));
        Schema note = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
        int v2 = server.registry().register(SUBJECT, withField("reviewNote", note, Schema.Field.NULL_DEFAULT_VALUE));

        assertEquals(v2, id(serializer.serialize(TOPIC, DECISION)));
    }
}
