package org.claimscrubber.stream;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.ApiException;

/**
 * Records the cluster did not acknowledge, or a cluster that could not be reached: the message says which topic
 * and why, in one line.
 */
public final class PublishException extends RuntimeException {
    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code what: ExceptionClass: message}, naming the cluster's own error rather than the wrappers around it. */
    public static PublishException of(String what, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && (root instanceof ExecutionException || root instanceof CompletionException
                || root.getMessage() == null || !(root instanceof ApiException) && root.getCause() instanceof ApiException)) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        return new PublishException(what + ": " + root.getClass().getSimpleName() + message, e);
    }
}
