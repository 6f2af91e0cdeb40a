package org.claimscrubber.x12;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.state.Stores;
import org.claimscrubber.avro.ClaimDecision;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.stream.InputKeying;
import org.claimscrubber.stream.StreamsSettings;
import org.claimscrubber.stream.Topic;
import org.claimscrubber.stream.TopicRegistry;

/**
 * The X12 intake: {@code claims.x12} --(x12-intake)--> {@code claims.submitted} (Avro, keyed by member id as
 * {@link InputKeying#forProducers} says),
 * {@code claims.x12.ack} (999s, keyed like the input) and {@code claims.dlq} (the record as it arrived); an accepted
 * interchange is also left on {@code claims.x12.pending}, where the decisions on its claims (from
 * {@code claims.accepted} and {@code claims.flagged}, re-keyed by interchange) meet it in {@code x12-ack-state}, and
 * x12-claim-ack writes its 277CA to {@code claims.x12.ack}. Every node named.
 */
public final class X12IntakeTopology {
    static final String SOURCE = "x12-source";
    static final String INTAKE = "x12-intake";
    static final String CLAIMS = "x12-claims";
    static final String ACKS = "x12-acks";
    static final String DLQ = "x12-dlq";
    static final String PENDING = "x12-pending";
    static final String DECISION_SOURCE = "x12-decision-source";
    static final String DECISION_KEY = "x12-decision-by-interchange";
    static final String PENDING_SOURCE = "x12-pending-source";
    static final String ASSEMBLER = "x12-claim-ack";
    static final String STORE = "x12-ack-state";
    /** How long the 277CA waits for the decisions of an interchange's claims (ms); then it answers with what there is. */
    public static final String ACK_TIMEOUT_CONFIG = "claimscrubber.x12.ack.timeout.ms";

    private X12IntakeTopology() {
    }

    /** The topology for this configuration (topic names, registry settings, application id). */
    public static Topology build(Map<String, Object> config) {
        TopicRegistry topics = TopicRegistry.from(config);
        Topic<String, ClaimSubmitted> claims = topics.submitted();
        Topic<byte[], byte[]> dlq = topics.dlq();
        X12Topics x12 = X12Topics.from(config);
        String applicationId = String.valueOf(config.getOrDefault(StreamsConfig.APPLICATION_ID_CONFIG, StreamsSettings.DEFAULT_APPLICATION_ID));
        Topology t = new Topology();
        t.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), x12.x12());
        InputKeying keying = InputKeying.forProducers(config);
        t.addProcessor(INTAKE, () -> new X12IntakeProcessor(applicationId, keying), SOURCE);
        t.addSink(CLAIMS, claims.name(), claims.keySerde().serializer(), claims.valueSerde().serializer(), INTAKE);
        t.addSink(DLQ, dlq.name(), dlq.keySerde().serializer(), dlq.valueSerde().serializer(), INTAKE);

        Deserializer<ClaimDecision> decisions = topics.accepted().valueSerde().deserializer();
        Object timeout = config.get(ACK_TIMEOUT_CONFIG);
        Duration wait = Duration.ofMillis(timeout == null ? 60_000 : Long.parseLong(timeout.toString()));
        t.addSource(DECISION_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.accepted().name(), topics.flagged().name());
        t.addProcessor(DECISION_KEY, () -> new DecisionByInterchange(decisions), DECISION_SOURCE);
        t.addSink(PENDING, x12.pending(), new StringSerializer(), new ByteArraySerializer(), INTAKE, DECISION_KEY);
        t.addSource(PENDING_SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), x12.pending());
        t.addProcessor(ASSEMBLER, () -> new ClaimAckAssembler(STORE, decisions, wait), PENDING_SOURCE);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray()), ASSEMBLER);
        t.addSink(ACKS, x12.ack(), new ByteArraySerializer(), new ByteArraySerializer(), INTAKE, ASSEMBLER);
        return t;
    }
}
