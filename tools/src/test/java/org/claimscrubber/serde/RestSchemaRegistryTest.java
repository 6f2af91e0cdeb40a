package org.claimscrubber.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.claimscrubber.embedded.EmbeddedSchemaRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The REST client against the embedded registry made to misbehave: only a clear answer about the id (40403) is the
 * record's fault; every other failure is {@link RegistryUnavailableException}, after bounded retries and fail-over.
 */
class RestSchemaRegistryTest {
    private static final Schema V1 = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Claim\",\"namespace\":\"com.example\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
    private static final String JSON = "application/vnd.schemaregistry.v1+json";

    private EmbeddedSchemaRegistry server;
    private int id;

    @BeforeEach
    void start() throws Exception {
        server = EmbeddedSchemaRegistry.start(0);
        id = server.registry().register("claims-value", V1);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static SchemaRegistry client(String urls, String... keyValues) {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.SCHEMA_REGISTRY_URL, urls);
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        return SerdeConfig.from(config, false).registry();
    }

    private static String closedPortUrl() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void refusedCredentialsAreAnOutageNotARecordError(int status) {
        server.answerWith(status, JSON, "{\"error_code\":" + status + ",\"message\":\"Unauthorized\"}", -1);

        RegistryUnavailableException e = assertThrows(RegistryUnavailableException.class, () -> client(server.url()).schemaById(id));

        assertEquals(status, e.status());
        assertEquals(1, server.requestCount(), "credentials are not retried");
    }

    @Test
    void rateLimitingIsRetriedWithBackOffAndTheRetrySucceeds() {
        server.answerWith(429, JSON, "{\"error_code\":429,\"message\":\"Too Many Requests\"}", 2);

        assertEquals(V1, client(server.url()).schemaById(id));
        assertEquals(3, server.requestCount());
    }

    @Test
    void rateLimitingThatGoesOnIsAnOutageAfterThreeTries() {
        server.answerWith(429, JSON, "{\"error_code\":429,\"message\":\"Too Many Requests\"}", -1);

        RegistryUnavailableException e = assertThrows(RegistryUnavailableException.class, () -> client(server.url()).schemaById(id));

        assertEquals(429, e.status());
        assertEquals(3, server.requestCount());
    }

    @Test
    void aServerErrorIsRetriedAndTheRetrySucceeds() {
        server.answerWith(500, JSON, "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}", 1);

        assertEquals(V1, client(server.url()).schemaById(id));
        assertEquals(2, server.requestCount());
    }

    @Test
    void aServerErrorThatGoesOnIsAnOutageAfterThreeTries() {
        server.answerWith(503, "text/html", "<html>Service Unavailable</html>", -1);

        RegistryUnavailableException e = assertThrows(RegistryUnavailableException.class, () -> client(server.url()).schemaById(id));

        assertEquals(503, e.status());
        assertEquals(3, server.requestCount());
    }

    @Test
    void aRedirectIsAnOutageNotFollowed() {
        server.answerWith(302, "text/html", "", -1);

        RegistryUnavailableException e = assertThrows(RegistryUnavailableException.class, () -> client(server.url()).schemaById(id));

        assertEquals(302, e.status());
    }

    @Test
    void aNotFoundThatIsNotTheRegistrysOwnAnswerIsAnOutage() {
        server.answerWith(404, "text/html", "<html><body>Not Found</body></html>", 1);
        assertThrows(RegistryUnavailableException.class, () -> client(server.url()).schemaById(id));

        server.answerWith(404, JSON, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}", 1);
        assertThrows(RegistryUnavailableException.class, () -> client(server.url()).schemaById(id));
    }

    @Test
    void aBodyThatIsNotJsonIsAnOutage() {
        server.answerWith(200, "text/html", "<html>Please log in</html>", -1);

        assertThrows(RegistryUnavailableException.class, () -> client(server.url()).schemaById(id));
    }

    @Test
    void theSerializerFailsWithTheSameOutageType() {
        server.answerWith(401, JSON, "{\"error_code\":401,\"message\":\"Unauthorized\"}", -1);
        org.apache.avro.generic.GenericRecord record = new org.apache.avro.generic.GenericData.Record(V1);
        record.put("id", "c-1");

        for (String useLatest : new String[] {"false", "true"}) {
            AvroSerializer<org.apache.avro.generic.GenericRecord> serializer = new AvroSerializer<>();
            serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, server.url(), SerdeConfig.AUTO_REGISTER_SCHEMAS, "false",
                    SerdeConfig.USE_LATEST_VERSION, useLatest), false);
            assertThrows(RegistryUnavailableException.class, () -> serializer.serialize("claims", record), useLatest);
        }
    }

    @Test
    void anUnknownIdIsTheRecordsFault() {
        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client(server.url()).schemaById(id + 41));

        assertEquals(SchemaRegistryException.class, e.getClass());
        assertEquals(SchemaRegistryException.SCHEMA_NOT_FOUND, e.errorCode());
        assertEquals(1, server.requestCount(), "a clear answer is not retried");
    }

    @Test
    void failsOverToTheNextUrlWhenTheFirstIsDownOrFailing() throws Exception {
        assertEquals(V1, client(closedPortUrl() + "," + server.url()).schemaById(id));

        try (EmbeddedSchemaRegistry failing = EmbeddedSchemaRegistry.start(0)) {
            failing.answerWith(503, JSON, "{\"error_code\":50003,\"message\":\"Error while forwarding the request\"}", -1);
            assertEquals(V1, client(failing.url() + "," + server.url()).schemaById(id));
        }
    }

    @Test
    void aRegistryThatNeverAnswersTimesOutWithinTheConfiguredTimeouts() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            SchemaRegistry client = client("http://127.0.0.1:" + silent.getLocalPort(), "http.connect.timeout.ms", "200",
                    "http.read.timeout.ms", "200");

            RegistryUnavailableException e = assertTimeoutPreemptively(Duration.ofSeconds(3),
                    () -> assertThrows(RegistryUnavailableException.class, () -> client.schemaById(id)));

            assertEquals(0, e.status());
        }
    }

    @Test
    void theDefaultTimeoutsEndEveryCallWellWithinTheTransactionTimeout() {
        RegistryClientSettings defaults = RegistryClientSettings.from(Map.of());

        assertTrue(defaults.callBudget().compareTo(Duration.ofSeconds(10)) < 0, defaults.toString());
        assertEquals(3, defaults.tries());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SASL_INHERIT", "user_info", "BEARER", ""})
    void anUnsupportedCredentialsSourceIsRefusedAtConfigure(String source) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> client(server.url(), SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, source, SerdeConfig.BASIC_AUTH_USER_INFO, "a:b"));

        assertTrue(e.getMessage().contains(SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE), e.getMessage());
        assertFalse(e.getMessage().contains("a:b"), e.getMessage());
    }

    @Test
    void userInfoWithoutCredentialsIsRefusedAtConfigure() {
        assertThrows(ConfigException.class, () -> client(server.url(), SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO"));
    }

    @Test
    void credentialsGoInTheAuthorizationHeaderFromEitherSource() {
        server.requireBasicAuth("alice:s3cret");

        assertEquals(V1, client(server.url(), SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                SerdeConfig.BASIC_AUTH_USER_INFO, "alice:s3cret").schemaById(id));
        assertEquals(V1, client(server.url().replace("http://", "http://alice:s3cret@")).schemaById(id));
        assertEquals(401, assertThrows(RegistryUnavailableException.class,
                () -> client(server.url().replace("http://", "http://alice:wrong@")).schemaById(id)).status());
    }

    @Test
    void credentialsInTheUrlNeverAppearInMessagesOrLogs() throws Exception {
        String down = closedPortUrl().replace("http://", "http://alice:s3cret@");
        server.answerWith(503, JSON, "{\"error_code\":50001,\"message\":\"down\"}", -1);
        String failing = server.url().replace("http://", "http://alice:s3cret@");
        PrintStream originalErr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        StringBuilder messages = new StringBuilder();
        try {
            System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
            SchemaRegistry client = client(down + "," + failing);
            for (Throwable t = assertThrows(RegistryUnavailableException.class, () -> client.schemaById(id)); t != null; t = t.getCause()) {
                messages.append(t).append('\n');
            }
            messages.append(assertInstanceOf(ConfigException.class,
                    assertThrows(RuntimeException.class, () -> client("http://alice:s3cret@bad host:80")))).append('\n');
        } finally {
            System.setErr(originalErr);
        }
        String all = messages + logs.toString(StandardCharsets.UTF_8);

        assertTrue(all.contains("127.0.0.1"), all);
        assertFalse(all.contains("s3cret"), all);
        assertFalse(all.contains("alice"), all);
    }
}
