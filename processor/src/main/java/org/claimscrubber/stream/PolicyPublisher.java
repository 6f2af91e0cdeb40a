package org.claimscrubber.stream;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.claimscrubber.avro.PolicyFileRecord;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.serde.AvroSerializer;
import org.claimscrubber.serde.SerdeConfig;

/**
 * Publishes a policy file to {@code reference.policies} (compacted, one record under the key {@code policies}) once it
 * has been read and checked: a file that cannot be used is never sent. Running processors put it in force for the
 * next claim without a restart.
 */
public final class PolicyPublisher {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final Map<String, Object> config;

    public PolicyPublisher(Map<String, Object> config) {
        this.config = config;
    }

    /**
     * @return the policies sent
     * @throws Policies.PolicyException the file cannot be used (nothing was sent)
     * @throws PublishException the cluster could not be reached or refused the record
     */
    public Policies publish(Path file) {
        String yaml = Policies.read(file);
        Policies policies = Policies.parse(yaml, file.toString());
        try {
            ReferenceTopics.ensure(ClientConfigs.connection(config), TIMEOUT);
        } catch (Exception e) {
            throw PublishException.of("cannot create " + ReferenceRecords.POLICIES + " on " + config.get("bootstrap.servers"), e);
        }
        Map<String, Object> p = ClientConfigs.connection(config);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        PolicyFileRecord record = new PolicyFileRecord(file.toString(), Instant.now().toString(), yaml);
        AvroSerializer<PolicyFileRecord> serializer = new AvroSerializer<>(SerdeConfig.from(config, false), false);
        Topic<String, byte[]> topic = TopicRegistry.from(config).policies();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), ReferenceRecords.POLICIES_KEY,
                    serializer.serialize(topic.name(), record))).get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while sending the policy file", e);
        } catch (Exception e) {
            throw PublishException.of("the policy file was not sent to " + ReferenceRecords.POLICIES, e);
        }
        return policies;
    }
}
