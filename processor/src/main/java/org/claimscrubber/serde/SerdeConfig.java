package org.claimscrubber.serde;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde's settings, under Confluent's own key names so existing configuration carries over.
 *
 * @param latestCompatibilityStrict with {@code use.latest.version}: refuse a latest schema that cannot read our records
 * @param latestCacheTtlSeconds how long the latest version is kept before asking again; negative keeps it for good
 */
public record SerdeConfig(SchemaRegistry registry, boolean autoRegister, boolean useLatestVersion, String subjectStrategy,
                          boolean specificReader, boolean latestCompatibilityStrict, long latestCacheTtlSeconds) {
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

    public static final String TOPIC_NAME_STRATEGY = "io.confluent.kafka.serializers.subject.TopicNameStrategy";
    public static final String RECORD_NAME_STRATEGY = "io.confluent.kafka.serializers.subject.RecordNameStrategy";
    public static final String TOPIC_RECORD_NAME_STRATEGY = "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy";

    /** Confluent's defaults for the latest-version keys: strict, cached for good. */
    public SerdeConfig(SchemaRegistry registry, boolean autoRegister, boolean useLatestVersion, String subjectStrategy,
                       boolean specificReader) {
        this(registry, autoRegister, useLatestVersion, subjectStrategy, specificReader, true, -1);
    }

    public static SerdeConfig from(Map<String, ?> configs, boolean isKey) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " is required");
        }
        List<String> urls = Arrays.stream(url.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        SchemaRegistry registry;
        long mocks = urls.stream().filter(u -> u.startsWith("mock://")).count();
        if (mocks == urls.size()) {
            registry = MockSchemaRegistry.scope(urls.get(0).substring("mock://".length()));
        } else if (mocks > 0) {
            throw new ConfigException("cannot mix mock:// and real URLs in " + SCHEMA_REGISTRY_URL);
        } else {
            registry = new RestSchemaRegistry(urls, userInfo(configs), RegistryClientSettings.from(configs));
        }
        String strategy = string(configs, isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY, TOPIC_NAME_STRATEGY);
        if (!List.of(TOPIC_NAME_STRATEGY, RECORD_NAME_STRATEGY, TOPIC_RECORD_NAME_STRATEGY).contains(strategy)) {
            throw new ConfigException("unsupported subject name strategy: " + strategy);
        }
        long ttl;
        try {
            ttl = Long.parseLong(string(configs, LATEST_CACHE_TTL_SEC, "-1").trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(LATEST_CACHE_TTL_SEC, configs.get(LATEST_CACHE_TTL_SEC), "not a whole number of seconds");
        }
        return new SerdeConfig(registry, bool(configs, AUTO_REGISTER_SCHEMAS, true), bool(configs, USE_LATEST_VERSION, false),
                strategy, bool(configs, SPECIFIC_AVRO_READER, true), bool(configs, LATEST_COMPATIBILITY_STRICT, true), ttl);
    }

    /** The subject for a record of this schema on this topic, under the configured strategy. */
    public String subject(String topic, boolean isKey, org.apache.avro.Schema schema) {
        return switch (subjectStrategy) {
            case RECORD_NAME_STRATEGY -> schema.getFullName();
            case TOPIC_RECORD_NAME_STRATEGY -> topic + "-" + schema.getFullName();
            default -> topic + (isKey ? "-key" : "-value");
        };
    }

    /**
     * The credentials for every URL under {@code basic.auth.credentials.source}: {@code USER_INFO} takes
     * {@code basic.auth.user.info}; {@code URL} (Confluent's default) returns null, so each URL's own user info is
     * used. Any other source is refused here rather than silently sending no credentials.
     */
    private static String userInfo(Map<String, ?> configs) {
        String source = string(configs, BASIC_AUTH_CREDENTIALS_SOURCE, "URL").trim();
        switch (source) {
            case "URL":
                return null;
            case "USER_INFO":
                String userInfo = string(configs, BASIC_AUTH_USER_INFO, "");
                if (userInfo.isBlank()) {
                    throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO needs " + BASIC_AUTH_USER_INFO + " (user:password)");
                }
                return userInfo;
            default:
                throw new ConfigException("unsupported " + BASIC_AUTH_CREDENTIALS_SOURCE + " '" + source
                        + "': use URL (user:password@ in " + SCHEMA_REGISTRY_URL + ") or USER_INFO (" + BASIC_AUTH_USER_INFO + ")");
        }
    }

    private static String string(Map<String, ?> configs, String key, String fallback) {
        Object v = configs.get(key);
        return v == null ? fallback : v.toString();
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
        Object v = configs.get(key);
        return v == null ? fallback : Boolean.parseBoolean(v.toString());
    }
}
