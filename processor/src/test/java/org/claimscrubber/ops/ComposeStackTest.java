package org.claimscrubber.ops;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The compose stack, brought up by Testcontainers where Docker runs; skipped where it does not (these machines). */
@Testcontainers(disabledWithoutDocker = true)
class ComposeStackTest {
    @Container
    static final ComposeContainer STACK = new ComposeContainer(new File("docker-compose.yml"))
            .withBuild(true)
            .withExposedService("claim-scrubber", 8080, Wait.forHttp("/health/ready").forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(10)));

    @Test
    void claimsFlowAndDecisionsAreCounted() throws Exception {
        String base = "http://" + STACK.getServiceHost("claim-scrubber", 8080) + ":" + STACK.getServicePort("claim-scrubber", 8080);
        HttpClient http = HttpClient.newHttpClient();
        org.awaitility.Awaitility.await("the sample producer's claims are judged").atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("claimscrubber_decisions_total"));
    }
}
