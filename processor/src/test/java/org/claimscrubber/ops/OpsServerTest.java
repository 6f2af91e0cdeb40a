package org.claimscrubber.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.claimscrubber.Eventually;
import org.claimscrubber.history.MemberHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ops server without Kafka: a fake processor behind it. */
class OpsServerTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final CountDownLatch release = new CountDownLatch(1);

    /** A RUNNING processor whose readiness waits for {@link #release}, owning every member itself. */
    private final class FakeProcessor implements ProcessorView {
        final AtomicInteger readinessCalls = new AtomicInteger();
        final AtomicInteger historyReads = new AtomicInteger();
        volatile HostInfo owner;

        @Override
        public KafkaStreams.State state() {
            return KafkaStreams.State.RUNNING;
        }

        @Override
        public boolean ready() {
            readinessCalls.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        }

        @Override
        public String topology() {
            return "";
        }

        @Override
        public HostInfo remoteOwner(String memberId) {
            return owner;
        }

        @Override
        public MemberHistory localHistory(String memberId) {
            historyReads.incrementAndGet();
            return MemberHistory.empty();
        }
    }

    @AfterEach
    void releaseSlowCalls() {
        release.countDown();
    }

    private HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void livenessAnswersWhileReadinessChecksAreSlow() throws Exception {
        FakeProcessor processor = new FakeProcessor();
        try (OpsServer ops = new OpsServer(0, new ScrubberMetrics())) {
            ops.attach(processor);
            for (int i = 0; i < 4; i++) {
                http.sendAsync(HttpRequest.newBuilder(URI.create(ops.url() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
            }
            Eventually.await(Duration.ofSeconds(10), "two readiness checks in progress", () -> processor.readinessCalls.get() >= 2);

            HttpResponse<String> live = get(ops.url() + "/health/live");

            assertEquals(200, live.statusCode());
            assertTrue(live.body().contains("RUNNING"), live.body());
        }
    }

    @Test
    void memberHistoryIsDisabledWithoutABearerToken() throws Exception {
        FakeProcessor processor = new FakeProcessor();
        try (OpsServer ops = new OpsServer(0, new ScrubberMetrics())) {
            ops.attach(processor);

            HttpResponse<String> response = get(ops.url() + "/members/M1/history");

            assertEquals(403, response.statusCode());
            assertTrue(response.body().contains("CLAIMSCRUBBER_HTTP_TOKEN"), response.body());
            assertEquals(0, processor.historyReads.get(), "no store read without a token");
        }
    }

    private static final String TOKEN = "s3cret-token-0123456789";

    private static OpsServer withToken() throws Exception {
        return new OpsServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BearerToken.of(TOKEN), new ScrubberMetrics());
    }

    @Test
    void withATokenMemberHistoryRequiresItAndAnswersWhenItIsRight() throws Exception {
        FakeProcessor processor = new FakeProcessor();
        try (OpsServer ops = withToken()) {
            ops.attach(processor);
            String url = ops.url() + "/members/M1/history";

            HttpResponse<String> none = get(url);
            HttpResponse<String> wrong = get(url, "Authorization", "Bearer s3cret-token-0123456788");
            HttpResponse<String> otherScheme = get(url, "Authorization", "Basic " + TOKEN);
            assertEquals(0, processor.historyReads.get(), "no store read before the token is checked");
            HttpResponse<String> right = get(url, "Authorization", "Bearer " + TOKEN);

            assertEquals(401, none.statusCode());
            assertEquals("Bearer realm=\"claim-scrubber\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals(401, wrong.statusCode());
            assertEquals(401, otherScheme.statusCode());
            assertEquals(200, right.statusCode(), right.body());
            assertEquals(1, processor.historyReads.get());
            assertTrue(!none.body().contains(TOKEN) && !wrong.body().contains(TOKEN), "the token is never echoed");
            assertEquals(200, get(ops.url() + "/metrics").statusCode(), "metrics need no token");
        }
    }

    @Test
    void listensOnLoopbackOnlyByDefault() throws Exception {
        try (OpsServer ops = new OpsServer(0, new ScrubberMetrics())) {
            assertTrue(ops.address().getAddress().isLoopbackAddress(), ops.address().toString());
            InetAddress external = nonLoopbackAddress();
            assertNotNull(external, "this test needs a network interface with a non-loopback IPv4 address");
            try (Socket socket = new Socket()) {
                assertThrows(ConnectException.class, () -> socket.connect(new InetSocketAddress(external, ops.port()), 2000),
                        "the ops server must not answer on " + external.getHostAddress());
            }
        }
    }

    static InetAddress nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (nic.isUp() && a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return a;
                }
            }
        }
        return null;
    }

    @Test
    void aProxiedHistoryCallCarriesTheTokenAndGivesUpOnASilentOwnerWellUnderAProbePeriod() throws Exception {
        List<String> seenAuthorization = new CopyOnWriteArrayList<>();
        HttpServer silentOwner = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        silentOwner.createContext("/", exchange -> {
            seenAuthorization.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        silentOwner.setExecutor(Executors.newCachedThreadPool());
        silentOwner.start();
        FakeProcessor processor = new FakeProcessor();
        processor.owner = new HostInfo("127.0.0.1", silentOwner.getAddress().getPort());
        try (OpsServer ops = withToken()) {
            ops.attach(processor);
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ops.url() + "/members/M1/history"))
                    .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertEquals(504, response.statusCode(), response.body());
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
            assertEquals(List.of("Bearer " + TOKEN), seenAuthorization);
            assertEquals(0, processor.historyReads.get(), "the member belongs to the other instance");
        } finally {
            release.countDown();
            silentOwner.stop(0);
        }
    }

    @Test
    void theTokenComesFromTheFileBeforeTheEnvironmentAndIsNeverPrinted() throws Exception {
        Path file = Files.createTempFile("token", ".txt");
        try {
            Files.writeString(file, TOKEN + "\n");
            Map<String, String> env = Map.of(BearerToken.ENVIRONMENT, "another-token-abcdefghij");

            BearerToken fromFile = BearerToken.load(file, env).orElseThrow();
            BearerToken fromEnv = BearerToken.load(null, env).orElseThrow();

            assertTrue(fromFile.accepts("Bearer " + TOKEN));
            assertTrue(fromEnv.accepts("bearer another-token-abcdefghij"));
            assertTrue(BearerToken.load(null, Map.of(BearerToken.ENVIRONMENT, " ")).isEmpty(), "a blank variable configures nothing");
            assertTrue(!fromFile.toString().contains(TOKEN));
            Files.writeString(file, "short\n");
            IllegalArgumentException weak = assertThrows(IllegalArgumentException.class, () -> BearerToken.load(file, Map.of()));
            assertTrue(weak.getMessage().contains("at least 16"), weak.getMessage());
            assertTrue(!weak.getMessage().contains("short"), "the refused token is not repeated");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
