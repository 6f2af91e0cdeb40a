package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.claimscrubber.Scrubber;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.avro.Disposition;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.serde.AvroSerde;
import org.claimscrubber.serde.MockSchemaRegistry;
import org.claimscrubber.serde.SerdeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repartition topic carries each claim as it arrived (Confluent framing with the writer's schema id), so an
 * instance reads what an instance of another version wrote there during a rolling upgrade.
 */
class RepartitionFramingTest {
    private static final String SCOPE = "repartition-framing-test";
    private static final Map<String, Object> CONFIG = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);

    @TempDir
    Path stateDir;

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void aClaimWrittenWithANewerCompatibleSchemaIsJudgedAfterTheRepartition() throws Exception {
        Schema newer = newerClaimSchema();
        GenericRecord claim = asNewer(ClaimTopologyTest.claim("E1", "C1", "M1", "62323"), newer);
        int id = SerdeConfig.from(CONFIG, false).registry().register("claims.submitted-value", newer);
        byte[] framed = frame(id, claim, newer);

        Properties props = new Properties();
        props.putAll(StreamsSettings.defaults(CONFIG));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        EditEngine engine = new EditEngine(Scrubber.sampleReference(), Policies.loadDefault(), ProviderBasis.RENDERING, Scrubber.FIXED);
        try (TopologyTestDriver driver = new TopologyTestDriver(ClaimTopology.build(StreamsSettings.defaults(CONFIG), () -> engine), props)) {
            var repartition = driver.createInputTopic(StreamsSettings.DEFAULT_APPLICATION_ID + "-claims-by-member-repartition",
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            var accepted = driver.createOutputTopic("claims.accepted", Serdes.String().deserializer(),
                    AvroSerde.of(ClaimDecision.class, CONFIG, false).deserializer());

            var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
            headers.add(SourceHeaders.KEY, "C1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            headers.add(SourceHeaders.OFFSET, "0".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            repartition.pipeInput(new org.apache.kafka.streams.test.TestRecord<>("M1", framed, headers));

            var records = accepted.readRecordsToList();
            assertEquals(1, records.size());
            for (var h : records.get(0).headers()) {
                org.junit.jupiter.api.Assertions.assertFalse(h.key().startsWith(SourceHeaders.PREFIX), "internal header on a decision: " + h.key());
            }
            var decisions = List.of(new org.apache.kafka.streams.KeyValue<>(records.get(0).key(), records.get(0).value()));
            assertEquals("C1", decisions.get(0).key);
            assertEquals(Disposition.ACCEPTED, decisions.get(0).value.getDisposition());
        }
    }

    /** ClaimSubmitted as a later version might have it: an optional field added to each line. */
    private static Schema newerClaimSchema() {
        String json = ClaimSubmitted.getClassSchema().toString().replace("{\"name\":\"lineNumber\"",
                "{\"name\":\"ndc\",\"type\":[\"null\",\"string\"],\"default\":null},{\"name\":\"lineNumber\"");
        Schema newer = new Schema.Parser().parse(json);
        assertEquals(Schema.Type.UNION, newer.getField("lines").schema().getElementType().getField("ndc").schema().getType());
        return newer;
    }

    private static GenericRecord asNewer(ClaimSubmitted claim, Schema newer) throws Exception {
        GenericData.Record record = new GenericData.Record(newer);
        for (Schema.Field f : newer.getFields()) {
            Object v = claim.get(f.name());
            if (f.name().equals("lines")) {
                Schema lineSchema = f.schema().getElementType();
                java.util.List<GenericRecord> lines = new java.util.ArrayList<>();
                for (var l : claim.getLines()) {
                    GenericData.Record line = new GenericData.Record(lineSchema);
                    for (Schema.Field lf : lineSchema.getFields()) {
                        line.put(lf.name(), lf.name().equals("ndc") ? "00409-1234-01" : l.get(lf.name()));
                    }
                    lines.add(line);
                }
                v = lines;
            } else if (v instanceof Enum<?> e) {
                v = new GenericData.EnumSymbol(f.schema(), e.name());
            }
            record.put(f.name(), v);
        }
        return record;
    }

    private static byte[] frame(int id, GenericRecord record, Schema schema) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
