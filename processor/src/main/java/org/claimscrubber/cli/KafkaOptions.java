package org.claimscrubber.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.claimscrubber.serde.SerdeConfig;
import picocli.CommandLine.Option;

/**
 * The options every command that talks to Kafka takes, and the configuration layers, lowest first: built-in
 * defaults, the {@code --config} properties file, {@code KAFKA_*} environment variables
 * ({@code KAFKA_BOOTSTRAP_SERVERS} is {@code bootstrap.servers}; {@code KAFKA_SCHEMA_REGISTRY_URL} is
 * {@code schema.registry.url}), then flags.
 */
public final class KafkaOptions {
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL", description = "Schema registry URL(s), comma-separated.")
    String schemaRegistryUrl;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (Kafka, Streams and serde keys).")
    Path configFile;

    Map<String, String> environment = System.getenv();

    /** The layered configuration. */
    public Map<String, Object> config() {
        Map<String, Object> c = new HashMap<>();
        c.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        c.put(SerdeConfig.SCHEMA_REGISTRY_URL, "http://localhost:8081");
        if (configFile != null) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(configFile)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + configFile + ": " + e.getMessage());
            }
            p.forEach((k, v) -> c.put(k.toString(), v.toString().strip()));
        }
        environment.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && name.length() > 6) {
                c.put(name.substring(6).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        if (bootstrapServers != null) {
            c.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }
        if (schemaRegistryUrl != null) {
            c.put(SerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        }
        return c;
    }
}
