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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client for the Confluent Schema Registry REST API (the subset a serde needs), with id and schema caches,
 * fail-over across the URLs of {@code schema.registry.url}, and optional basic auth.
 */
public final class RestSchemaRegistry implements SchemaRegistry {
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> urls;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();

    /**
     * @param urls base URLs, tried in order
     * @param userInfo {@code user:password} for basic auth, or null
     */
    public RestSchemaRegistry(List<String> urls, String userInfo) {
        this.urls = urls.stream().map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).toList();
        this.authorization = userInfo == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int register(String subject, Schema schema) {
        return ids.computeIfAbsent("r|" + subject + "|" + schema, k ->
                call("POST", "/subjects/" + encode(subject) + "/versions", body(schema)).get("id").intValue());
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return ids.computeIfAbsent("l|" + subject + "|" + schema, k ->
                call("POST", "/subjects/" + encode(subject), body(schema)).get("id").intValue());
    }

    @Override
    public Schema schemaById(int id) {
        return schemas.computeIfAbsent(id, k -> new Schema.Parser().parse(call("GET", "/schemas/ids/" + id, null).get("schema").asText()));
    }

    @Override
    public Version latest(String subject) {
        JsonNode n = call("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        return new Version(subject, n.get("id").intValue(), n.get("version").intValue(), new Schema.Parser().parse(n.get("schema").asText()));
    }

    @Override
    public boolean compatible(String subject, Schema schema) {
        return call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", body(schema)).get("is_compatible").asBoolean();
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

    private JsonNode call(String method, String path, String body) {
        IOException last = null;
        for (String url : urls) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", CONTENT_TYPE).header("Accept", CONTENT_TYPE);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                JsonNode json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
                if (response.statusCode() >= 300) {
                    int code = json.has("error_code") ? json.get("error_code").intValue() : response.statusCode();
                    throw new SchemaRegistryException(code, json.has("message") ? json.get("message").asText() : "HTTP " + response.statusCode());
                }
                return json;
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException(SchemaRegistryException.BACKEND_ERROR, "interrupted");
            }
        }
        throw new SchemaRegistryException(SchemaRegistryException.BACKEND_ERROR, "schema registry unreachable at " + urls + ": " + last);
    }
}
