package org.claimscrubber.stream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.claimscrubber.avro.ClaimSubmitted;

/**
 * Publishes claim events to the input topic as Confluent-framed Avro, keyed by member id (the member-keyed contract,
 * {@link InputKeying}: valid input for both processor shapes), or by claim id with {@value InputKeying#CONFIG}=claim.
 * Every send is checked:
 * after the first record the cluster refuses, publishing stops with that error, and {@link #confirm()} (and
 * {@link #close()}) throw it, so that nothing is taken for sent that was not acknowledged.
 */
public final class ClaimPublisher implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final Serde<ClaimSubmitted> serde;
    private final String topic;
    private final InputKeying keying;
    private final Map<String, Object> connection;
    private final Sends sends = new Sends();

    public ClaimPublisher(Map<String, Object> config) {
        connection = ClientConfigs.withTimeouts(config);
        Map<String, Object> p = ClientConfigs.withTimeouts(config);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        Topic<String, ClaimSubmitted> input = TopicRegistry.from(config).submitted();
        producer = new KafkaProducer<>(p, input.keySerde().serializer(), new ByteArraySerializer());
        serde = input.valueSerde();
        topic = input.name();
        keying = InputKeying.forProducers(config);
    }

    /** Fails, within {@code timeout}, when the input topic does not exist or the cluster does not answer. */
    public void requireTopic(Duration timeout) {
        try (Admin admin = Admin.create(connection)) {
            admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new PublishException(topic + " does not exist on " + connection.get("bootstrap.servers")
                        + ": create it (run creates the claim topics) or name the input topic with " + Topics.SUBMITTED_CONFIG, e);
            }
            throw PublishException.of("cannot check " + topic + " on " + connection.get("bootstrap.servers"), e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new PublishException("the cluster at " + connection.get("bootstrap.servers") + " did not answer within "
                    + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted", e);
        }
    }

    public void publish(ClaimSubmitted claim) {
        byte[] value;
        try {
            value = serde.serializer().serialize(topic, claim);
        } catch (org.apache.kafka.common.errors.SerializationException e) {
            throw PublishException.of("cannot encode a claim for " + topic, e);
        }
        sends.send(producer, new ProducerRecord<>(topic, keying.keyOf(claim), value));
    }

    /** Publishes bytes as they are (a corrupt record, for the DLQ path). */
    public void publishRaw(String key, byte[] value) {
        sends.send(producer, new ProducerRecord<>(topic, key, value));
    }

    /** Waits for every record sent so far; throws the first refusal. */
    public void flush() {
        producer.flush();
        sends.throwIfRefused();
    }

    /** As {@link #flush()}; @return the records the cluster acknowledged */
    public long confirm() {
        flush();
        return sends.acknowledged();
    }

    public String topic() {
        return topic;
    }

    @Override
    public void close() {
        try {
            producer.flush();
        } finally {
            producer.close();
        }
        sends.throwIfRefused();
    }
}
