package org.claimscrubber.serde;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Timeouts and retries of the registry REST client, under the Confluent client's key names, with defaults chosen so
 * that a call always ends well inside Kafka Streams' exactly-once transaction timeout (10 s): connect at most 1 s,
 * answer at most 2 s, 3 tries, 100 ms then 200 ms between them, and never more than 6 s for a whole call.
 *
 * @param callBudget the most a call takes over all its tries; no try starts after it
 */
public record RegistryClientSettings(Duration connectTimeout, Duration readTimeout, int tries, Duration backOff,
                                     Duration maxBackOff, Duration callBudget) {
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
    /** The longest a call may take, whatever the keys say: below the 10 s transaction timeout of exactly-once. */
    public static final Duration MAX_CALL = Duration.ofSeconds(6);

    public static final RegistryClientSettings DEFAULTS = from(Map.of());

    /** The settings from a serde configuration; missing keys take this project's defaults (see the class comment). */
    public static RegistryClientSettings from(Map<String, ?> configs) {
        Duration connect = Duration.ofMillis(millis(configs, HTTP_CONNECT_TIMEOUT_MS, 1000, 1));
        Duration read = Duration.ofMillis(millis(configs, HTTP_READ_TIMEOUT_MS, 2000, 1));
        int tries = (int) millis(configs, MAX_RETRIES, 2, 0) + 1;
        Duration wait = Duration.ofMillis(millis(configs, RETRIES_WAIT_MS, 100, 0));
        Duration maxWait = Duration.ofMillis(millis(configs, RETRIES_MAX_WAIT_MS, 1000, 0));
        Duration worst = connect.plus(read).multipliedBy(tries);
        for (int i = 1; i < tries; i++) {
            worst = worst.plus(backOff(wait, maxWait, i));
        }
        return new RegistryClientSettings(connect, read, tries, wait, maxWait, worst.compareTo(MAX_CALL) < 0 ? worst : MAX_CALL);
    }

    /** The wait before try {@code n + 1} (n ≥ 1): doubling from the first wait, capped. */
    public Duration backOffBefore(int n) {
        return backOff(backOff, maxBackOff, n);
    }

    private static Duration backOff(Duration first, Duration max, int n) {
        Duration d = first.multipliedBy(1L << Math.min(n - 1, 20));
        return d.compareTo(max) > 0 ? max : d;
    }

    private static long millis(Map<String, ?> configs, String key, long fallback, long min) {
        Object v = configs.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.toString().trim());
            if (n < min) {
                throw new ConfigException(key, v, "must be at least " + min);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, v, "not a whole number");
        }
    }
}
