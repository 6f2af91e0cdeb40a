package org.claimscrubber.x12;

import java.util.List;

/**
 * One ST/SE transaction set: its control number (ST02), implementation reference (ST03), segment count as read, the
 * claims it maps to, and the errors that reject it (empty when it is accepted).
 */
public record TransactionSet(String type, String controlNumber, String implementation, int segmentCount,
                             List<MappedClaim> claims, List<X12Error> errors) {
    public boolean accepted() {
        return errors.isEmpty();
    }
}
