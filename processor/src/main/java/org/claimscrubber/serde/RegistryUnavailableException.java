package org.claimscrubber.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The schema registry could not give an answer about the record: unreachable, timed out, 5xx after the retries,
 * refusing our credentials (401/403), rate-limiting (429) after the retries, redirecting, or answering with
 * something that is not the registry's own format. Nothing is wrong with the record: a consumer stops instead of
 * dead-lettering it and is restarted once the registry answers again. The message never holds credentials.
 */
public class RegistryUnavailableException extends SerializationException {
    private final int status;

    /**
     * @param status the HTTP status of the last answer, or 0 when no answer came
     */
    public RegistryUnavailableException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status of the last answer, or 0 when no answer came (refused, timed out). */
    public int status() {
        return status;
    }
}
