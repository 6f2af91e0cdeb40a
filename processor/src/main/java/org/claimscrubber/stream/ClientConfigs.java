package org.claimscrubber.stream;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/** How our own Kafka clients (admin, loaders, readers) reach the cluster: the same servers and security as the processor. */
public final class ClientConfigs {
    private ClientConfigs() {
    }

    /**
     * {@code bootstrap.servers} and every security and config-provider setting of {@code config}
     * ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}, {@code config.providers*}), plus the extra pairs.
     */
    public static Map<String, Object> connection(Map<String, ?> config, Object... extra) {
        Map<String, Object> c = new HashMap<>();
        c.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        config.forEach((k, v) -> {
            if (isConnectionKey(k)) {
                c.put(k, v);
            }
        });
        for (int i = 0; i + 1 < extra.length; i += 2) {
            c.put((String) extra[i], extra[i + 1]);
        }
        return c;
    }

    public static boolean isConnectionKey(String key) {
        return key.equals("security.protocol") || key.startsWith("sasl.") || key.startsWith("ssl.") || key.startsWith("config.providers");
    }

    /** The client timeouts a user may set for our own producers and admin clients, copied from {@code config} where set. */
    static final java.util.List<String> TIMEOUT_KEYS = java.util.List.of("request.timeout.ms", "default.api.timeout.ms", "max.block.ms",
            "delivery.timeout.ms", "transaction.timeout.ms");

    /** As {@link #connection}, plus the {@link #TIMEOUT_KEYS} that {@code config} sets (they win over the extra pairs). */
    public static Map<String, Object> withTimeouts(Map<String, ?> config, Object... extra) {
        Map<String, Object> c = connection(config, extra);
        for (String key : TIMEOUT_KEYS) {
            if (config.get(key) != null) {
                c.put(key, config.get(key));
            }
        }
        return c;
    }
}
