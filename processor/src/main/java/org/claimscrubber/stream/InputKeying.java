package org.claimscrubber.stream;

import java.util.Locale;
import java.util.Map;
import org.claimscrubber.avro.ClaimSubmitted;

/**
 * How the records of {@code claims.submitted} are keyed. {@link #CLAIM} (contracts §1: key = claim id) is the
 * processor's default: it assumes nothing of the key and re-keys every claim by member through a repartition topic.
 * {@link #MEMBER} is the member-keyed contract: key = the member id as a UTF-8 string (the claim id when the member id
 * is blank), with the producer's default partitioner, so every claim of a member is on one partition and the
 * processor judges it where it arrives. Set by {@value #CONFIG}.
 */
public enum InputKeying {
    MEMBER, CLAIM;

    /** {@code member} or {@code claim}. */
    public static final String CONFIG = "claimscrubber.input.keyed-by";
    /** The same setting as the environment layer spells it ({@code KAFKA_CLAIMSCRUBBER_INPUT_KEYED_BY}: no hyphen there). */
    static final String ENVIRONMENT_CONFIG = "claimscrubber.input.keyed.by";

    /** The shape the processor reads: {@link #CLAIM} unless configured otherwise. */
    public static InputKeying from(Map<String, ?> config) {
        return parse(config, CLAIM);
    }

    /**
     * The key our own producers ({@code produce}, the X12 intake, {@code demo}) write: {@link #MEMBER} unless configured
     * otherwise. Member-keyed records are valid input for both shapes: the claim-keyed processor ignores the key.
     */
    public static InputKeying forProducers(Map<String, ?> config) {
        return parse(config, MEMBER);
    }

    /** The record key of {@code claim} in this shape. */
    public String keyOf(ClaimSubmitted claim) {
        return this == CLAIM ? claim.getClaimId() : memberKey(claim);
    }

    /** The member-keyed contract's key: the member id, or the claim id when the member id is missing or blank. */
    public static String memberKey(ClaimSubmitted claim) {
        String member = claim.getMemberId();
        return member == null || member.isBlank() ? claim.getClaimId() : member;
    }

    private static InputKeying parse(Map<String, ?> config, InputKeying fallback) {
        Object v = config.get(CONFIG);
        if (v == null) {
            v = config.get(ENVIRONMENT_CONFIG);
        }
        if (v == null || v.toString().isBlank()) {
            return fallback;
        }
        try {
            return valueOf(v.toString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CONFIG + " must be member or claim, not '" + v + "'", e);
        }
    }
}
