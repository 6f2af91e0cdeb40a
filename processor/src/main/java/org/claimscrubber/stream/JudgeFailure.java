package org.claimscrubber.stream;

/**
 * The engine could not judge one claim (a defect that this claim alone triggers). Nothing of the claim was written:
 * the claim goes to the DLQ and the stream goes on. Every other failure, above all one that writes output or
 * history, stops the client instead.
 */
final class JudgeFailure extends RuntimeException {
    JudgeFailure(String claimId, RuntimeException cause) {
        super("the engine failed on claim " + claimId + ": " + cause, cause);
    }
}
