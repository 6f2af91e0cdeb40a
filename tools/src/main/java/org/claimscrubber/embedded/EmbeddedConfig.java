package org.claimscrubber.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.claimscrubber.serde.SerdeConfig;
import org.claimscrubber.stream.DeadLetters;
import org.claimscrubber.stream.Topics;

/** Client configuration for an application on the embedded broker and registry. */
public final class EmbeddedConfig {
    private EmbeddedConfig() {
    }

    /** Bootstrap servers, registry URL, application id and state folder, with the default topic names. */
    public static Map<String, Object> of(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry, String applicationId, Path stateDir) {
        Map<String, Object> c = new HashMap<>();
        c.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        c.put(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        c.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        c.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return c;
    }

    /** As {@link #of}, with the claim topics named {@code <applicationId>.submitted}, {@code .accepted}, {@code .flagged}, {@code .dlq}. */
    public static Map<String, Object> withOwnTopics(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry, String applicationId, Path stateDir) {
        Map<String, Object> c = of(kafka, registry, applicationId, stateDir);
        c.put(Topics.SUBMITTED_CONFIG, applicationId + ".submitted");
        c.put(Topics.ACCEPTED_CONFIG, applicationId + ".accepted");
        c.put(Topics.FLAGGED_CONFIG, applicationId + ".flagged");
        c.put(DeadLetters.TOPIC_CONFIG, applicationId + ".dlq");
        return c;
    }
}
