package org.claimscrubber.stream;

import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.serde.AvroSerde;

/** Publishes claim events to the input topic as Confluent-framed Avro, keyed by claim id. */
public final class ClaimPublisher implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final AvroSerde<ClaimSubmitted> serde;
    private final String topic;

    public ClaimPublisher(Map<String, Object> config) {
        Map<String, Object> p = ClientConfigs.connection(config);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        serde = AvroSerde.of(ClaimSubmitted.class, config, false);
        topic = Topics.from(config).submitted();
    }

    /** Sends the claim; the future fails when the broker refuses it. */
    public Future<RecordMetadata> publish(ClaimSubmitted claim) {
        return producer.send(new ProducerRecord<>(topic, claim.getClaimId(), serde.serializer().serialize(topic, claim)));
    }

    /** Publishes bytes as they are (a corrupt record, for the DLQ path). */
    public void publishRaw(String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.flush();
        producer.close();
    }
}
