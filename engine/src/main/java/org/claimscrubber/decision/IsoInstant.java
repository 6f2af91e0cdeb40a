package org.claimscrubber.decision;

import java.time.Instant;

/**
 * {@link Instant#toString()} (ISO-8601, fraction in groups of three digits as needed) with the date and time of the
 * last second formatted kept, so decisions of the same second only add their fraction.
 */
final class IsoInstant {
    private record Second(long epochSecond, String prefix) {
    }

    private static Second last = new Second(Long.MIN_VALUE, "");

    private IsoInstant() {
    }

    static String format(Instant instant) {
        Second second = last;
        if (second.epochSecond() != instant.getEpochSecond()) {
            String whole = Instant.ofEpochSecond(instant.getEpochSecond()).toString();
            second = new Second(instant.getEpochSecond(), whole.substring(0, whole.length() - 1));
            last = second;
        }
        int nano = instant.getNano();
        if (nano == 0) {
            return second.prefix() + "Z";
        }
        String fraction;
        if (nano % 1_000_000 == 0) {
            fraction = Integer.toString(nano / 1_000_000 + 1_000).substring(1);
        } else if (nano % 1_000 == 0) {
            fraction = Integer.toString(nano / 1_000 + 1_000_000).substring(1);
        } else {
            fraction = Integer.toString(nano + 1_000_000_000).substring(1);
        }
        return second.prefix() + "." + fraction + "Z";
    }
}
