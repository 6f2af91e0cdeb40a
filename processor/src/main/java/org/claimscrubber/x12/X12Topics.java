package org.claimscrubber.x12;

import java.util.Map;

/**
 * The X12 topics: raw 837P interchanges in (one per record, keyed by sender id), 999 and 277CA out (keyed like the
 * input), and the intake's own topic where accepted interchanges wait for their claims' decisions.
 */
public record X12Topics(String x12, String ack, String pending) {
    public static final String DEFAULT_X12 = "claims.x12";
    public static final String DEFAULT_ACK = "claims.x12.ack";
    public static final String X12_CONFIG = "claimscrubber.topic.x12";
    public static final String ACK_CONFIG = "claimscrubber.topic.x12.ack";
    public static final String DEFAULT_PENDING = "claims.x12.pending";
    public static final String PENDING_CONFIG = "claimscrubber.topic.x12.pending";

    public static X12Topics from(Map<String, ?> config) {
        Object x12 = config.get(X12_CONFIG);
        Object ack = config.get(ACK_CONFIG);
        Object pending = config.get(PENDING_CONFIG);
        return new X12Topics(x12 == null ? DEFAULT_X12 : x12.toString(), ack == null ? DEFAULT_ACK : ack.toString(),
                pending == null ? DEFAULT_PENDING : pending.toString());
    }
}
