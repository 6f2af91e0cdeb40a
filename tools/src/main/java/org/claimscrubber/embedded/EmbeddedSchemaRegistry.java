package org.claimscrubber.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.claimscrubber.serde.InMemorySchemaRegistry;
import org.claimscrubber.serde.SchemaRegistry;
import org.claimscrubber.serde.SchemaRegistryException;

/**
 * An in-process schema registry on 127.0.0.1 speaking the Confluent REST subset of schema-registry.md §1, with
 * Confluent's error format and BACKWARD compatibility by default. For {@code demo} and tests, not production:
 * the compose stack uses the real registry image. Fault hooks for tests and {@code chaos}: {@link #stop()} and
 * {@link #restart()} (the port refuses connections in between; schemas and ids are kept), and
 * {@link #answerWith} (a fixed status and body instead of the real answer, as a proxy or a failing node would give).
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final java.nio.file.Path journal;
    private final int port;
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.Deque<Fault> faults = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private volatile HttpServer server;
    private volatile String requiredAuthorization;

    /** A canned answer: {@code times} requests (or all, when negative) get this status, content type and body. */
    private record Fault(int status, String contentType, String body, java.util.concurrent.atomic.AtomicInteger times) {
    }

    private EmbeddedSchemaRegistry(int port, java.nio.file.Path journal) throws IOException {
        this.journal = journal;
        if (journal != null && java.nio.file.Files.exists(journal)) {
            for (String line : java.nio.file.Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    registry.register(line.substring(0, tab), new Schema.Parser().parse(line.substring(tab + 1)));
                }
            }
        }
        server = listen(port);
        this.port = server.getAddress().getPort();
    }

    private HttpServer listen(int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        http.createContext("/", this::handle);
        http.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "embedded-schema-registry");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        return http;
    }

    /** Starts on the given port (0 picks a free one). */
    public static EmbeddedSchemaRegistry start(int port) throws IOException {
        return new EmbeddedSchemaRegistry(port, null);
    }

    /**
     * Starts on the port with its registrations kept in {@code journal} (one {@code subject<TAB>schema} a line,
     * replayed in order on start), so a restarted registry gives every schema the id it had.
     */
    public static EmbeddedSchemaRegistry start(int port, java.nio.file.Path journal) throws IOException {
        return new EmbeddedSchemaRegistry(port, journal);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Requests received since start, canned answers included. */
    public long requestCount() {
        return requests.get();
    }

    /**
     * Answers the next {@code times} requests (every request when {@code times} is negative) with this status,
     * content type and body instead of serving them; canned answers queue up in the order given.
     */
    public void answerWith(int status, String contentType, String body, int times) {
        faults.add(new Fault(status, contentType, body, new java.util.concurrent.atomic.AtomicInteger(times)));
    }

    /**
     * Requires HTTP basic auth with these credentials ({@code user:password}); null serves everyone again. A request
     * without them gets 401 with Confluent's error body, as the real registry with basic auth on does.
     */
    public void requireBasicAuth(String userInfo) {
        requiredAuthorization = userInfo == null ? null
                : "Basic " + java.util.Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /** Drops every canned answer: requests are served again. */
    public void answerNormally() {
        faults.clear();
    }

    /** Closes the port, so connections are refused, keeping every schema; {@link #restart()} opens it again. */
    public synchronized void stop() {
        if (server != null) {
            HttpServer http = server;
            server = null;
            http.stop(0);
            ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
        }
    }

    /** Opens the same port again after {@link #stop()}, with the same schemas and ids. */
    public synchronized void restart() throws IOException {
        if (server == null) {
            server = listen(port);
        }
    }

    /** Whether the port is open. */
    public boolean running() {
        return server != null;
    }

    public InMemorySchemaRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            Fault fault = nextFault();
            if (fault != null) {
                exchange.getRequestBody().readAllBytes();
                byte[] bytes = fault.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", fault.contentType());
                if (fault.status() / 100 == 3) {
                    exchange.getResponseHeaders().set("Location", "http://127.0.0.1:1/login");
                }
                exchange.sendResponseHeaders(fault.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                }
                return;
            }
            String required = requiredAuthorization;
            if (required != null && !required.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getRequestBody().readAllBytes();
                respond(exchange, 401, JSON.createObjectNode().put("error_code", 401).put("message", "Unauthorized"));
                return;
            }
            String method = exchange.getRequestMethod();
            String[] parts = exchange.getRequestURI().getRawPath().replaceAll("^/+|/+$", "").split("/");
            for (int i = 0; i < parts.length; i++) {
                parts[i] = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                respond(exchange, 200, route(method, parts, body));
            } catch (SchemaRegistryException e) {
                ObjectNode error = JSON.createObjectNode().put("error_code", e.errorCode()).put("message", e.getMessage());
                respond(exchange, e.status(), error);
            } catch (NotFound e) {
                respond(exchange, 404, JSON.createObjectNode().put("error_code", 404).put("message", "HTTP 404 Not Found"));
            }
        }
    }

    private Fault nextFault() {
        for (Fault f = faults.peek(); f != null; f = faults.peek()) {
            int left = f.times().getAndDecrement();
            if (left < 0) {
                f.times().set(-1);
                return f;
            }
            if (left > 0) {
                return f;
            }
            faults.remove(f);
        }
        return null;
    }

    private static final class NotFound extends RuntimeException {
    }

    private JsonNode route(String method, String[] p, String body) throws IOException {
        int n = p.length == 1 && p[0].isEmpty() ? 0 : p.length;
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
        if (n == 3 && get && p[0].equals("schemas") && p[1].equals("ids")) {
            return JSON.createObjectNode().put("schema", registry.schemaById(id(p[2])).toString());
        }
        if (n == 2 && get && p[0].equals("schemas") && p[1].equals("types")) {
            return JSON.createArrayNode().add("AVRO");
        }
        if (n == 1 && get && p[0].equals("subjects")) {
            ArrayNode subjects = JSON.createArrayNode();
            registry.subjects().forEach(subjects::add);
            return subjects;
        }
        if (n == 3 && post && p[0].equals("subjects") && p[2].equals("versions")) {
            Schema schema = schema(body);
            int before = registry.subjects().contains(p[1]) ? registry.versions(p[1]).size() : 0;
            int id = registry.register(p[1], schema);
            if (journal != null && registry.versions(p[1]).size() > before) {
                java.nio.file.Files.writeString(journal, p[1] + "\t" + schema + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            }
            return JSON.createObjectNode().put("id", id);
        }
        if (n == 2 && post && p[0].equals("subjects")) {
            SchemaRegistry.Version v = registry.versionOf(p[1], schema(body));
            return version(v);
        }
        if (n == 3 && get && p[0].equals("subjects") && p[2].equals("versions")) {
            ArrayNode versions = JSON.createArrayNode();
            for (int i = 1; i <= registry.versions(p[1]).size(); i++) {
                versions.add(i);
            }
            return versions;
        }
        if ((n == 4 || n == 5) && get && p[0].equals("subjects") && p[2].equals("versions")) {
            SchemaRegistry.Version v = p[3].equals("latest") ? registry.latest(p[1]) : registry.version(p[1], versionNumber(p[3]));
            if (n == 5 && p[4].equals("schema")) {
                return JSON.readTree(v.schema().toString());
            }
            return version(v);
        }
        if (post && p[0].equals("compatibility") && n >= 4 && p[1].equals("subjects") && p[3].equals("versions")) {
            Schema candidate = schema(body);
            if (n == 5 && !p[4].equals("latest")) {
                registry.version(p[2], versionNumber(p[4]));
            }
            boolean ok;
            try {
                ok = registry.compatible(p[2], candidate);
            } catch (SchemaRegistryException e) {
                ok = true;
            }
            return JSON.createObjectNode().put("is_compatible", ok);
        }
        if (p[0].equals("config") && n <= 2) {
            String subject = n == 2 ? p[1] : null;
            if (method.equals("PUT")) {
                String level = JSON.readTree(body).path("compatibility").asText();
                registry.setLevel(subject, level);
                return JSON.createObjectNode().put("compatibility", level);
            }
            if (get) {
                String level = subject == null ? registry.globalLevel() : registry.subjectLevel(subject);
                if (level == null) {
                    throw new SchemaRegistryException(SchemaRegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                            "Subject '" + subject + "' does not have subject-level compatibility configured");
                }
                return JSON.createObjectNode().put("compatibilityLevel", level);
            }
        }
        throw new NotFound();
    }

    private static ObjectNode version(SchemaRegistry.Version v) {
        return JSON.createObjectNode().put("subject", v.subject()).put("id", v.id()).put("version", v.version())
                .put("schema", v.schema().toString());
    }

    private static int id(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + text + " not found");
        }
    }

    private static int versionNumber(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_VERSION, "The specified version '" + text + "' is not valid");
        }
    }

    private static Schema schema(String body) {
        try {
            JsonNode request = JSON.readTree(body);
            String type = request.path("schemaType").asText("AVRO");
            if (!type.equals("AVRO")) {
                throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA, "Only AVRO schemas are supported");
            }
            return new Schema.Parser().parse(request.path("schema").asText());
        } catch (IOException | SchemaParseException e) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA, "Invalid schema: " + e.getMessage());
        }
    }

    private static void respond(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
