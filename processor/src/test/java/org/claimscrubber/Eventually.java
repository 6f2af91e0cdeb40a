package org.claimscrubber;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The one way tests wait: a condition polled (on the calling thread, so it may use a Kafka consumer) until it holds,
 * or an {@link AssertionError} naming what was awaited and what had been seen. Never a sleep.
 */
public final class Eventually {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private Eventually() {
    }

    /** Waits until {@code done} holds; fails after {@code atMost} with "{@code what}" in the message. */
    public static void await(Duration atMost, String what, BooleanSupplier done) {
        await(atMost, what, done, () -> null);
    }

    /** As {@link #await(Duration, String, BooleanSupplier)}; a failure also shows {@code state}, read at the timeout. */
    public static void await(Duration atMost, String what, BooleanSupplier done, Supplier<?> state) {
        try {
            Awaitility.await(what).atMost(atMost).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(POLL_INTERVAL)
                    .until(done::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            Object seen = state.get();
            throw new AssertionError("not within " + atMost + ": " + what + (seen == null ? "" : " (seen: " + seen + ")"), e);
        }
    }
}
