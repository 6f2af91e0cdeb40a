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
}
