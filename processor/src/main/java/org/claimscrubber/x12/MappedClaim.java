package org.claimscrubber.x12;

import org.claimscrubber.avro.ClaimSubmitted;

/**
 * One 2300 claim of a transaction set, mapped onto {@code ClaimSubmitted}. {@code position} is the claim's order
 * in its transaction set (1 = first CLM), {@code segmentPosition} the CLM segment's position from ST (= 1), and
 * {@code patientControlNumber} CLM01 as sent (the 277CA echoes it).
 */
public record MappedClaim(int position, int segmentPosition, String patientControlNumber, ClaimSubmitted event) {
}
