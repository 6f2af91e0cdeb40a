package org.claimscrubber.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.claimscrubber.history.HistoryClaim;
import org.claimscrubber.history.HistoryLine;
import org.claimscrubber.history.MemberHistory;
import org.claimscrubber.stream.ProcessorApp;

/**
 * The processor's small HTTP face: {@code /metrics} (Prometheus), {@code /health/live}, {@code /health/ready},
 * {@code /topology}, and {@code /members/{memberId}/history} for work-queue staff, routed to the instance that
 * owns the member. The member id is accepted there and nowhere else, and never logged.
 */
public final class OpsServer implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OpsServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile ProcessorView app;
    private final ScrubberMetrics metrics;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "ops-http");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Starts serving on the port (0 picks a free one); health reports not running until {@link #attach}. */
    public OpsServer(int port, ScrubberMetrics metrics) throws IOException {
        this.metrics = metrics;
        this.server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Serves this processor, binds its client metrics and the history-size gauge. */
    public void attach(ProcessorApp processor) {
        attach(ProcessorView.of(processor));
        metrics.historyEntries(processor::historyEntries);
    }

    /** Serves this view of a processor. */
    public void attach(ProcessorView processor) {
        this.app = processor;
    }

    /** The {@code application.server} value that routes history queries here. */
    public String endpoint(String host) {
        return host + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/metrics")) {
                send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
            } else if (app == null) {
                sendJson(exchange, 503, JSON.createObjectNode().put("status", "STARTING"));
            } else if (path.equals("/health/live")) {
                KafkaStreams.State state = app.state();
                boolean live = state != KafkaStreams.State.NOT_RUNNING && state != KafkaStreams.State.ERROR;
                sendJson(exchange, live ? 200 : 503, JSON.createObjectNode().put("status", live ? "UP" : "DOWN").put("state", state.name()));
            } else if (path.equals("/health/ready")) {
                boolean ready = app.ready();
                sendJson(exchange, ready ? 200 : 503, JSON.createObjectNode().put("status", ready ? "READY" : "NOT_READY")
                        .put("state", app.state().name()));
            } else if (path.equals("/topology")) {
                send(exchange, 200, "text/plain; charset=utf-8", app.topology());
            } else if (path.startsWith("/members/") && path.endsWith("/history")) {
                String member = URLDecoder.decode(path.substring("/members/".length(), path.length() - "/history".length()),
                        StandardCharsets.UTF_8);
                history(exchange, member, "true".equals(query(exchange, "local")));
            } else {
                sendJson(exchange, 404, JSON.createObjectNode().put("error", "not found"));
            }
        } catch (RuntimeException | Error e) {
            // The path may hold a member id: log the failure's type and message only.
            LOG.warn("request failed: {}: {}", e.getClass().getName(), e.getMessage());
            sendJson(exchange, 503, JSON.createObjectNode().put("error", e.getClass().getSimpleName()));
        }
    }

    private void history(HttpExchange exchange, String member, boolean localOnly) throws IOException {
        if (app.state() != KafkaStreams.State.RUNNING) {
            sendJson(exchange, 503, JSON.createObjectNode().put("error", "not running"));
            return;
        }
        HostInfo owner = localOnly ? null : app.remoteOwner(member);
        if (owner != null) {
            proxy(exchange, owner, member);
            return;
        }
        MemberHistory history = app.localHistory(member);
        if (history == null) {
            sendJson(exchange, 404, JSON.createObjectNode().put("error", "no history for this member on the processor"));
            return;
        }
        sendJson(exchange, 200, json(member, history));
    }

    private void proxy(HttpExchange exchange, HostInfo host, String member) throws IOException {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + "/members/"
                + URLEncoder.encode(member, StandardCharsets.UTF_8).replace("+", "%20") + "/history?local=true");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            send(exchange, response.statusCode(), "application/json", response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sendJson(exchange, 503, JSON.createObjectNode().put("error", "interrupted"));
        }
    }

    private static ObjectNode json(String member, MemberHistory history) {
        ObjectNode root = JSON.createObjectNode().put("memberId", member);
        ArrayNode claims = root.putArray("claims");
        for (HistoryClaim c : history.claims()) {
            ObjectNode claim = claims.addObject().put("claimId", c.claimId());
            ArrayNode lines = claim.putArray("lines");
            for (HistoryLine l : c.lines()) {
                ObjectNode line = lines.addObject().put("lineNumber", l.lineNumber()).put("procedureCode", l.code());
                l.modifiers().forEach(line.putArray("modifiers")::add);
                line.put("units", l.units()).put("serviceDate", l.serviceDate().toString())
                        .put("renderingProviderNpi", l.renderingNpi()).put("billingProviderNpi", l.billingNpi());
            }
        }
        root.put("eventsRemembered", history.events().size());
        return root;
    }

    private static String query(HttpExchange exchange, String name) {
        String q = exchange.getRequestURI().getRawQuery();
        if (q == null) {
            return null;
        }
        for (String part : q.split("&")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static void sendJson(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsString(body));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
