package org.claimscrubber.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for the Confluent Schema Registry REST API (the subset a serde needs), with id and schema caches and
 * basic auth. Only the registry's own answer about a subject, version or id (404 with 404xx, 409, 422 with 422xx,
 * in Confluent's JSON error body) is a {@link SchemaRegistryException}; every other failure is a
 * {@link RegistryUnavailableException}. Connection failures, timeouts, 5xx, 408 and 429 are tried again with
 * exponential back-off, each try on the next URL of {@code schema.registry.url}; 3xx, 401, 403, other 4xx and
 * bodies that are not the registry's JSON are not. URLs in messages and logs never carry credentials.
 */
public final class RestSchemaRegistry implements SchemaRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistry.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<RegistryEndpoint> endpoints;
    private final RegistryClientSettings settings;
    private final HttpClient http;
    private final AtomicInteger preferred = new AtomicInteger();
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();

    /**
     * @param urls base URLs, tried in order
     * @param userInfo {@code user:password} for basic auth, or null to use each URL's own user info (if any)
     */
    public RestSchemaRegistry(List<String> urls, String userInfo) {
        this(urls, userInfo, RegistryClientSettings.DEFAULTS);
    }

    public RestSchemaRegistry(List<String> urls, String userInfo, RegistryClientSettings settings) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no schema registry URL");
        }
        this.endpoints = urls.stream().map(u -> RegistryEndpoint.parse(u, userInfo)).toList();
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        return ids.computeIfAbsent("r|" + subject + "|" + schema, k ->
                number(call("POST", "/subjects/" + encode(subject) + "/versions", body(schema)), "id"));
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return ids.computeIfAbsent("l|" + subject + "|" + schema, k ->
                number(call("POST", "/subjects/" + encode(subject), body(schema)), "id"));
    }

    @Override
    public Schema schemaById(int id) {
        return schemas.computeIfAbsent(id, k -> {
            JsonNode answer = call("GET", "/schemas/ids/" + id, null);
            String type = answer.path("schemaType").asText("AVRO");
            if (!type.equals("AVRO")) {
                throw new SerializationException("schema id " + id + " is a " + type + " schema, not Avro");
            }
            return new Schema.Parser().parse(text(answer, "schema"));
        });
    }

    @Override
    public Version latest(String subject) {
        JsonNode n = call("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        return new Version(subject, number(n, "id"), number(n, "version"), new Schema.Parser().parse(text(n, "schema")));
    }

    @Override
    public boolean compatible(String subject, Schema schema) {
        JsonNode n = call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", body(schema));
        if (!n.path("is_compatible").isBoolean()) {
            throw notTheRegistry("no is_compatible in the answer", 200);
        }
        return n.get("is_compatible").booleanValue();
    }

    private static int number(JsonNode answer, String field) {
        if (!answer.path(field).isInt()) {
            throw notTheRegistry("no " + field + " in the answer", 200);
        }
        return answer.get(field).intValue();
    }

    private static String text(JsonNode answer, String field) {
        if (!answer.path(field).isTextual()) {
            throw notTheRegistry("no " + field + " in the answer", 200);
        }
        return answer.get(field).asText();
    }

    private static RegistryUnavailableException notTheRegistry(String what, int status) {
        return new RegistryUnavailableException("schema registry unavailable: the answer is not the registry's (" + what + ")", status, null);
    }

    private static String body(Schema schema) {
        try {
            return JSON.writeValueAsString(Map.of("schema", schema.toString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One call: tries, back-off and fail-over until an answer or the end of the budget. */
    private JsonNode call(String method, String path, String body) {
        long deadline = System.nanoTime() + settings.callBudget().toNanos();
        int first = preferred.get();
        Attempt last = null;
        int tries = 0;
        while (tries < settings.tries()) {
            if (tries > 0) {
                long wait = settings.backOffBefore(tries).toNanos();
                if (System.nanoTime() + wait >= deadline) {
                    break;
                }
                LOG.warn("schema registry {} failed on {} {} ({}); try {} of {} in {} ms", last.endpoint(), method, path, last.problem(),
                        tries + 1, settings.tries(), wait / 1_000_000);
                LockSupport.parkNanos(wait);
            }
            int index = (first + tries) % endpoints.size();
            tries++;
            last = attempt(endpoints.get(index), method, path, body, Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            if (last.answer() != null) {
                preferred.set(index);
                return last.answer();
            }
            if (!last.retriable()) {
                break;
            }
        }
        throw new RegistryUnavailableException("schema registry unavailable: " + method + " " + path + " at " + last.endpoint() + " "
                + last.problem() + " (" + tries + (tries == 1 ? " try)" : " tries)"), last.status(), last.cause());
    }

    /** The outcome of one request: an answer, or a problem that may be worth another try. */
    private record Attempt(RegistryEndpoint endpoint, JsonNode answer, String problem, int status, boolean retriable, Exception cause) {
    }

    private Attempt attempt(RegistryEndpoint endpoint, String method, String path, String body, Duration remaining) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url() + path))
                .timeout(remaining.compareTo(settings.readTimeout()) < 0 ? remaining : settings.readTimeout())
                .header("Content-Type", CONTENT_TYPE).header("Accept", CONTENT_TYPE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (endpoint.authorization() != null) {
            request.header("Authorization", endpoint.authorization());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Attempt(endpoint, null, "failed: " + e.getClass().getSimpleName(), 0, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(endpoint, null, "interrupted", 0, false, e);
        }
        int status = response.statusCode();
        JsonNode json = parse(response.body());
        if (status / 100 == 2) {
            return json != null && json.isContainerNode() ? new Attempt(endpoint, json, null, status, false, null)
                    : new Attempt(endpoint, null, "answered HTTP " + status + " with a body that is not the registry's JSON", status, false, null);
        }
        if (registryAnswer(status, json)) {
            throw new SchemaRegistryException(json.get("error_code").intValue(), json.path("message").asText("HTTP " + status));
        }
        boolean retriable = status / 100 == 5 || status == 408 || status == 429;
        String detail = json != null && json.has("error_code") ? " (error code " + json.get("error_code").asText() + ")" : "";
        return new Attempt(endpoint, null, "answered HTTP " + status + detail, status, retriable, null);
    }

    /** Whether this is the registry's own error about a subject, version, id or schema (not the record's fault otherwise). */
    private static boolean registryAnswer(int status, JsonNode json) {
        if (json == null || !json.path("error_code").isInt()) {
            return false;
        }
        int code = json.get("error_code").intValue();
        return switch (status) {
            case 404 -> code / 100 == 404;
            case 409 -> code == 409 || code / 100 == 409;
            case 422 -> code / 100 == 422;
            default -> false;
        };
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
