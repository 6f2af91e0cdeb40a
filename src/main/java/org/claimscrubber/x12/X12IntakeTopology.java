package org.claimscrubber.x12;

import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.serde.AvroSerde;
import org.claimscrubber.stream.StreamsSettings;
import org.claimscrubber.stream.Topics;

/**
 * The X12 intake: {@code claims.x12} --(x12-intake)--> {@code claims.submitted} (Avro, keyed by claim id),
 * {@code claims.x12.ack} (999s, keyed like the input) and {@code claims.dlq} (the record as it arrived). Stateless,
 * every node named.
 */
public final class X12IntakeTopology {
    static final String SOURCE = "x12-source";
    static final String INTAKE = "x12-intake";
    static final String CLAIMS = "x12-claims";
    static final String ACKS = "x12-acks";
    static final String DLQ = "x12-dlq";

    private X12IntakeTopology() {
    }

    /** The topology for this configuration (topic names, registry settings, application id). */
    public static Topology build(Map<String, Object> config) {
        Topics topics = Topics.from(config);
        X12Topics x12 = X12Topics.from(config);
        Serializer<ClaimSubmitted> claims = AvroSerde.of(ClaimSubmitted.class, config, false).serializer();
        String applicationId = String.valueOf(config.getOrDefault(StreamsConfig.APPLICATION_ID_CONFIG, StreamsSettings.DEFAULT_APPLICATION_ID));
        Topology t = new Topology();
        t.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), x12.x12());
        t.addProcessor(INTAKE, () -> new X12IntakeProcessor(applicationId), SOURCE);
        t.addSink(CLAIMS, topics.submitted(), new StringSerializer(), claims, INTAKE);
        t.addSink(ACKS, x12.ack(), new ByteArraySerializer(), new ByteArraySerializer(), INTAKE);
        t.addSink(DLQ, topics.dlq(), new ByteArraySerializer(), new ByteArraySerializer(), INTAKE);
        return t;
    }
}
