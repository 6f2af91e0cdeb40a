package org.claimscrubber.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.claimscrubber.history.HistoryClaim;
import org.claimscrubber.history.HistoryLine;
import org.claimscrubber.history.MemberHistory;
import org.claimscrubber.stream.ProcessorApp;

/**
 * The processor's small HTTP face: {@code /metrics} (Prometheus), {@code /health/live}, {@code /health/ready},
 * {@code /topology}, and {@code /members/{memberId}/history} for work-queue staff, routed to the instance that
 * owns the member. It listens on loopback unless told otherwise. Member history is patient data: it is served only
 * when a bearer token is configured, and then only to requests that carry it (instance-to-instance calls included).
 * The member id is accepted there and nowhere else, and never logged. Liveness is answered on the threads that accept
 * requests; everything else runs on a separate small pool, so slow readiness checks or proxy calls never delay it.
 */
public final class OpsServer implements AutoCloseable {
    /** How long a proxied history call may take: well under a probe period. */
    static final Duration PROXY_TIMEOUT = Duration.ofSeconds(3);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OpsServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile ProcessorView app;
    private final ScrubberMetrics metrics;
    private final BearerToken token;
    private final HttpServer server;
    private final ExecutorService front = Executors.newFixedThreadPool(2, threads("ops-http"));
    private final ThreadPoolExecutor work = new ThreadPoolExecutor(4, 4, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(32), threads("ops-http-work"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** Serves on loopback only, without member history (no token); 0 picks a free port. */
    public OpsServer(int port, ScrubberMetrics metrics) throws IOException {
        this(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), null, metrics);
    }

    /**
     * Starts serving on {@code address}; health reports not running until {@link #attach}.
     *
     * @param token the bearer token {@code /members/...} requires; null disables member history
     */
    public OpsServer(InetSocketAddress address, BearerToken token, ScrubberMetrics metrics) throws IOException {
        this.metrics = metrics;
        this.token = token;
        this.server = HttpServer.create(address, 0);
        server.createContext("/", this::dispatch);
        server.setExecutor(front);
        server.start();
    }

    /** Serves this processor and publishes its history-size gauge (the processor binds its own client metrics at start). */
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

    /** The address the server listens on. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** A URL that reaches this server from this machine. */
    public String url() {
        InetAddress bound = server.getAddress().getAddress();
        InetAddress reach = bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound;
        String host = reach instanceof Inet6Address ? "[" + reach.getHostAddress() + "]" : reach.getHostAddress();
        return "http://" + host + ":" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        work.shutdownNow();
        front.shutdownNow();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getRawPath().equals("/health/live")) {
            handle(exchange);
            return;
        }
        try {
            work.execute(() -> handle(exchange));
        } catch (RejectedExecutionException e) {
            try (exchange) {
                sendJson(exchange, 503, JSON.createObjectNode().put("error", "busy"));
            }
        }
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            route(exchange);
        } catch (IOException e) {
            LOG.debug("response not sent: {}", e.getClass().getName());
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            ProcessorView app = this.app;
            if (path.equals("/metrics")) {
                send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
            } else if (path.startsWith("/members/")) {
                members(exchange, path, app);
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
            } else {
                sendJson(exchange, 404, JSON.createObjectNode().put("error", "not found"));
            }
        } catch (RuntimeException | Error e) {
            // The path may hold a member id: log the failure's type and message only.
            LOG.warn("request failed: {}: {}", e.getClass().getName(), e.getMessage());
            sendJson(exchange, 503, JSON.createObjectNode().put("error", e.getClass().getSimpleName()));
        }
    }

    private void members(HttpExchange exchange, String path, ProcessorView app) throws IOException {
        if (token == null) {
            sendJson(exchange, 403, JSON.createObjectNode().put("error", "member history is disabled: configure a bearer token "
                    + "(--http-token-file FILE or " + BearerToken.ENVIRONMENT + ")"));
        } else if (!token.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"claim-scrubber\"");
            sendJson(exchange, 401, JSON.createObjectNode().put("error", "a valid bearer token is required"));
        } else if (!path.endsWith("/history")) {
            sendJson(exchange, 404, JSON.createObjectNode().put("error", "not found"));
        } else if (app == null) {
            sendJson(exchange, 503, JSON.createObjectNode().put("status", "STARTING"));
        } else {
            String member = URLDecoder.decode(path.substring("/members/".length(), path.length() - "/history".length()),
                    StandardCharsets.UTF_8);
            history(exchange, app, member, "true".equals(query(exchange, "local")));
        }
    }

    private void history(HttpExchange exchange, ProcessorView app, String member, boolean localOnly) throws IOException {
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
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(PROXY_TIMEOUT).header("Authorization", token.authorization()).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            send(exchange, response.statusCode(), "application/json", response.body());
        } catch (HttpTimeoutException e) {
            sendJson(exchange, 504, JSON.createObjectNode().put("error", "the instance that owns this member did not answer within "
                    + PROXY_TIMEOUT.toSeconds() + " s"));
        } catch (IOException e) {
            sendJson(exchange, 502, JSON.createObjectNode().put("error", "the instance that owns this member cannot be reached: "
                    + e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sendJson(exchange, 503, JSON.createObjectNode().put("error", "interrupted"));
        }
    }

    private static ThreadFactory threads(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
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
