package org.claimscrubber.stream;

import java.util.List;
import java.util.Map;

/** The product's topics (contracts §1); every name can be changed through configuration. */
public record Topics(String submitted, String accepted, String flagged, String dlq) {
    public static final String DEFAULT_SUBMITTED = "claims.submitted";
    public static final String DEFAULT_ACCEPTED = "claims.accepted";
    public static final String DEFAULT_FLAGGED = "claims.flagged";
    public static final String DEFAULT_DLQ = "claims.dlq";

    public static final String SUBMITTED_CONFIG = "claimscrubber.topic.submitted";
    public static final String ACCEPTED_CONFIG = "claimscrubber.topic.accepted";
    public static final String FLAGGED_CONFIG = "claimscrubber.topic.flagged";

    public static Topics defaults() {
        return new Topics(DEFAULT_SUBMITTED, DEFAULT_ACCEPTED, DEFAULT_FLAGGED, DEFAULT_DLQ);
    }

    /** The topic names from configuration, defaults where unset. */
    public static Topics from(Map<String, ?> config) {
        return new Topics(get(config, SUBMITTED_CONFIG, DEFAULT_SUBMITTED), get(config, ACCEPTED_CONFIG, DEFAULT_ACCEPTED),
                get(config, FLAGGED_CONFIG, DEFAULT_FLAGGED), get(config, DeadLetters.TOPIC_CONFIG, DEFAULT_DLQ));
    }

    public List<String> all() {
        return List.of(submitted, accepted, flagged, dlq);
    }

    private static String get(Map<String, ?> config, String key, String fallback) {
        Object v = config.get(key);
        return v == null ? fallback : v.toString();
    }
}
