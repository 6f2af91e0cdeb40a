package org.claimscrubber.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
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
            await().atMost(Duration.ofSeconds(10)).until(() -> processor.readinessCalls.get() >= 2);

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
}
