package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.StreamsConfig;
import org.claimscrubber.Scrubber;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.embedded.EmbeddedConfig;
import org.claimscrubber.generate.ClaimGenerator;
import org.claimscrubber.ops.OpsServer;
import org.claimscrubber.ops.ScrubberMetrics;
import org.claimscrubber.policy.Policies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream whose member ids are distinctive, with bad records among them, run end to end: no log line, metric,
 * DLQ header, finding message or HTTP response (but the history endpoint) may contain a member id.
 */
class PhiHygieneTest extends OnEmbeddedBroker {
    private static final String MARK = "PHIZQX";

    @TempDir
    Path dir;

    @Test
    void noMemberIdOutsideTheDecisionsMemberFieldAndTheHistoryEndpoint() throws Exception {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        List<String> leaks = new ArrayList<>();
        Map<String, Object> config = EmbeddedConfig.withOwnTopics(kafka, registry, "phi", dir.resolve("state"));
        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        java.io.StringWriter generated = new java.io.StringWriter();
        new ClaimGenerator(17, 0.6).write(1500, generated);
        List<String> events = generated.toString().lines().map(l -> l.replace("\"MBR", "\"" + MARK)).toList();
        long expected;
        try (ClaimPublisher publisher = new ClaimPublisher(config)) {
            List<String> ids = new ArrayList<>();
            for (String e : events) {
                ClaimSubmitted c = ClaimEvents.fromJson(e);
                ids.add(c.getEventId());
                publisher.publish(c);
            }
            publisher.publishRaw(MARK + "-KEY", (MARK + "0001 in a corrupt payload").getBytes(StandardCharsets.UTF_8));
            expected = ids.stream().distinct().count();
        }
        ScrubberMetrics metrics = new ScrubberMetrics();
        config.put(ProcessorEvents.CONFIG, metrics);
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        EditEngine engine = new EditEngine(Scrubber.sampleReference(), Policies.loadDefault(), ProviderBasis.RENDERING, Scrubber.FIXED);
        HttpClient http = HttpClient.newHttpClient();
        String token = "phi-test-token-0123456789";
        try (OpsServer ops = new OpsServer(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0),
                org.claimscrubber.ops.BearerToken.of(token), metrics)) {
            config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, ops.endpoint("127.0.0.1"));
            ProcessorApp app = new ProcessorApp(config, engine);
            ops.attach(app);
            try (app; DecisionReader reader = new DecisionReader(config)) {
                app.start(Duration.ofSeconds(60));
                List<Decision> decisions = reader.read((int) expected, Duration.ofSeconds(60));
                assertEquals(expected, decisions.size());
                for (Decision d : decisions) {
                    for (Finding f : d.findings()) {
                        check("finding " + f.edit(), f.message() + " " + f.reference(), leaks);
                    }
                }
                for (String path : List.of("/metrics", "/health/live", "/health/ready", "/topology", "/members/nobody/history")) {
                    check("GET " + path, http.send(HttpRequest.newBuilder(URI.create(ops.url() + path))
                            .header("Authorization", "Bearer " + token).build(),
                            HttpResponse.BodyHandlers.ofString()).body(), leaks);
                }
            }
        } finally {
            System.setErr(originalErr);
        }
        List<ConsumerRecord<byte[], byte[]>> dead = CommittedRecords.awaitAtLeast(config, 1, Duration.ofSeconds(30), "phi.dlq");
        assertEquals(1, dead.size(), "dead letters");
        for (Header h : dead.get(0).headers()) {
            check("DLQ header " + h.key(), new String(h.value(), StandardCharsets.UTF_8), leaks);
        }
        String logText = logs.toString(StandardCharsets.UTF_8);
        check("logs", logText, leaks);
        assertFalse(logText.isEmpty(), "the run logged something, so the scan saw the logs");
        assertEquals(List.of(), leaks);
    }

    private static void check(String where, String text, List<String> leaks) {
        int at = text.indexOf(MARK);
        if (at >= 0) {
            leaks.add(where + ": ..." + text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 20)) + "...");
        }
    }
}
