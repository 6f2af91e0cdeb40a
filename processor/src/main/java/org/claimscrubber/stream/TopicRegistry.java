package org.claimscrubber.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.serde.AvroSerde;

/**
 * Every topic the product reads or writes, with its serdes, built once from configuration: the claim topics (names
 * from {@link Topics}, Avro values with the configured registry) and the reference topics (string keys, the Avro
 * bytes that their loader and global stores read). The Avro serdes are made on first use, so a command that never
 * touches an Avro topic needs no schema registry.
 */
public final class TopicRegistry {
    private final Map<String, ?> config;
    private final Topics names;
    private final Topic<byte[], byte[]> dlq;
    private final List<Topic<String, byte[]>> referenceRows = new ArrayList<>();
    private final Topic<String, byte[]> policies;
    private final Topic<String, byte[]> loads;
    private Topic<String, ClaimSubmitted> submitted;
    private Topic<String, ClaimDecision> accepted;
    private Topic<String, ClaimDecision> flagged;

    private TopicRegistry(Map<String, ?> config) {
        this.config = config;
        this.names = Topics.from(config);
        this.dlq = new Topic<>(names.dlq(), Serdes.ByteArray(), Serdes.ByteArray());
        for (String row : ReferenceRecords.ROW_TOPICS) {
            referenceRows.add(referenceTopic(row));
        }
        this.policies = referenceTopic(ReferenceRecords.POLICIES);
        this.loads = referenceTopic(ReferenceRecords.LOADS);
    }

    public static TopicRegistry from(Map<String, ?> config) {
        return new TopicRegistry(config);
    }

    /** The names of the claim topics. */
    public Topics names() {
        return names;
    }

    /** Claim events in, keyed by claim id (contracts §1) or by member id (the member-keyed contract, {@link InputKeying}). */
    public synchronized Topic<String, ClaimSubmitted> submitted() {
        if (submitted == null) {
            submitted = new Topic<>(names.submitted(), Serdes.String(), AvroSerde.of(ClaimSubmitted.class, config, false));
        }
        return submitted;
    }

    /** Accepted (and voided) claims' decisions out, keyed by claim id. */
    public synchronized Topic<String, ClaimDecision> accepted() {
        if (accepted == null) {
            accepted = new Topic<>(names.accepted(), Serdes.String(), AvroSerde.of(ClaimDecision.class, config, false));
        }
        return accepted;
    }

    /** Flagged claims' decisions out, keyed by claim id. */
    public synchronized Topic<String, ClaimDecision> flagged() {
        if (flagged == null) {
            flagged = new Topic<>(names.flagged(), Serdes.String(), AvroSerde.of(ClaimDecision.class, config, false));
        }
        return flagged;
    }

    /** Dead letters: the original key and value bytes. */
    public Topic<byte[], byte[]> dlq() {
        return dlq;
    }

    /** The topics of reference rows, in load order. */
    public List<Topic<String, byte[]>> referenceRows() {
        return List.copyOf(referenceRows);
    }

    /** The reference topic of that name (rows, policies or load markers). */
    public Topic<String, byte[]> reference(String name) {
        for (Topic<String, byte[]> t : referenceRows) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        if (name.equals(policies.name())) {
            return policies;
        }
        if (name.equals(loads.name())) {
            return loads;
        }
        throw new IllegalArgumentException("not a reference topic: " + name);
    }

    /** The policy file in force, one record. */
    public Topic<String, byte[]> policies() {
        return policies;
    }

    /** Reference load markers. */
    public Topic<String, byte[]> loads() {
        return loads;
    }

    private static Topic<String, byte[]> referenceTopic(String name) {
        return new Topic<>(name, Serdes.String(), Serdes.ByteArray());
    }
}
