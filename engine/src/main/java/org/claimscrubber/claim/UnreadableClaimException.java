package org.claimscrubber.claim;

/** An event that cannot be read as a claim at all: not a JSON object, or without an eventId or claimId. */
public class UnreadableClaimException extends RuntimeException {
    public UnreadableClaimException(String message) {
        super(message);
    }
}
