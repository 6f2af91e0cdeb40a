package org.claimscrubber.x12;

import java.util.List;
import org.claimscrubber.avro.ClaimSubmitted;

/**
 * One 2300 claim of a transaction set, mapped onto {@code ClaimSubmitted}. {@code position} is the claim's order
 * in its transaction set (1 = first CLM), {@code segmentPosition} the CLM segment's position from ST (= 1),
 * {@code patientControlNumber} CLM01 as sent and {@code lineControlNumbers} each line's REF*6R as sent (null when
 * absent), in the order of the event's lines (the 277CA echoes them).
 */
public record MappedClaim(int position, int segmentPosition, String patientControlNumber, ClaimSubmitted event,
                          List<String> lineControlNumbers) {

    /** A claim whose lines carry no line item control number. */
    public MappedClaim(int position, int segmentPosition, String patientControlNumber, ClaimSubmitted event) {
        this(position, segmentPosition, patientControlNumber, event, List.of());
    }

    /** The REF*6R of the event's line at {@code index} (0-based), or null. */
    public String lineControlNumber(int index) {
        return index < lineControlNumbers.size() ? lineControlNumbers.get(index) : null;
    }
}
