package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.claimscrubber.Scrubber;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.policy.Policies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor on a real in-process broker and registry. */
class ProcessorIntegrationTest extends OnEmbeddedBroker {
    @TempDir
    static java.nio.file.Path stateDir;

    static Map<String, Object> config(String app) {
        return org.claimscrubber.embedded.EmbeddedConfig.withOwnTopics(kafka, registry, app, stateDir.resolve(app));
    }

    static EditEngine engine() {
        return new EditEngine(Scrubber.sampleReference(), Policies.loadDefault(), ProviderBasis.RENDERING, Scrubber.FIXED);
    }

    @Test
    void acceptedFlaggedAndACorruptRecordToTheDlqBetweenGoodOnes() throws Exception {
        Map<String, Object> config = config("e2e");
        ProcessorApp.ensureTopics(config, Topics.from(config), 2);
        try (ClaimPublisher publisher = new ClaimPublisher(config)) {
            publisher.publish(ClaimTopologyTest.claim("E1", "C1", "M1", "62323"));
            publisher.publishRaw("BAD", "not avro at all".getBytes(StandardCharsets.UTF_8));
            publisher.publish(ClaimTopologyTest.claim("E2", "C2", "M2", "62323", "77003"));
        }
        try (ProcessorApp app = new ProcessorApp(config, engine()).start(Duration.ofSeconds(60))) {
            List<Decision> decisions = CommittedDecisions.awaitEvery(config, Set.of("E1", "E2"), Duration.ofSeconds(60));

            assertEquals(KafkaStreams.State.RUNNING, app.state());
            assertEquals(List.of("C1", "C2"), decisions.stream().map(Decision::claimId).sorted().toList());
            assertEquals(Disposition.FLAGGED, decisions.stream().filter(d -> d.claimId().equals("C2")).findFirst().orElseThrow().disposition());
            ConsumerRecord<byte[], byte[]> dead = readOne(config, "e2e.dlq");
            assertEquals("not avro at all", new String(dead.value(), StandardCharsets.UTF_8));
            assertEquals("BAD", new String(dead.key(), StandardCharsets.UTF_8));
            Map<String, String> headers = new HashMap<>();
            for (Header h : dead.headers()) {
                headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
            assertEquals("e2e.submitted", headers.get(DeadLetters.TOPIC));
            assertEquals("e2e", headers.get(DeadLetters.APPLICATION_ID));
            assertEquals("1", headers.get(DeadLetters.OFFSET));
            assertTrue(headers.get(DeadLetters.EXCEPTION).contains("SerializationException"), headers.toString());
            assertTrue(headers.containsKey(DeadLetters.PARTITION) && headers.containsKey(DeadLetters.MESSAGE));
        }
    }

    static ConsumerRecord<byte[], byte[]> readOne(Map<String, Object> config, String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = CommittedRecords.awaitAtLeast(config, 1, Duration.ofSeconds(30), topic);
        assertEquals(1, records.size(), "records in " + topic);
        return records.get(0);
    }

    @Test
    void streamDecisionsEqualCheckDecisionsForEveryEvent() throws Exception {
        Map<String, Object> config = config("parity");
        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        List<String> events = new org.claimscrubber.generate.ClaimGenerator(3, 0.4).lines(3000);
        Map<String, Decision> expected = SameAsCheck.decisions(engine(), events);
        try (ClaimPublisher publisher = new ClaimPublisher(config)) {
            events.forEach(e -> publisher.publish(ClaimEvents.fromJson(e)));
        }
        try (ProcessorApp app = new ProcessorApp(config, engine()).start(Duration.ofSeconds(60))) {
            List<Decision> decisions = CommittedDecisions.awaitEvery(config, expected.keySet(), Duration.ofSeconds(60));

            SameAsCheck.assertSameDecisions(expected, decisions);
        }
    }

    @Test
    void memberKeyedStreamDecisionsEqualCheckDecisionsOnThreePartitionsWithoutARepartitionTopic() throws Exception {
        Map<String, Object> config = config("parity-member");
        config.put(InputKeying.CONFIG, "member");
        java.util.concurrent.atomic.AtomicInteger mismatches = new java.util.concurrent.atomic.AtomicInteger();
        config.put(ProcessorEvents.CONFIG, new ProcessorEvents() {
            @Override
            public void inputKeyMismatch() {
                mismatches.incrementAndGet();
            }
        });
        ProcessorApp.ensureTopics(config, Topics.from(config), 3);
        List<String> events = new org.claimscrubber.generate.ClaimGenerator(3, 0.4).lines(3000);
        Map<String, Decision> expected = SameAsCheck.decisions(engine(), events);
        try (ClaimPublisher publisher = new ClaimPublisher(config)) {
            events.forEach(e -> publisher.publish(ClaimEvents.fromJson(e)));
        }
        try (ProcessorApp app = new ProcessorApp(config, engine()).start(Duration.ofSeconds(60))) {
            List<Decision> decisions = CommittedDecisions.awaitEvery(config, expected.keySet(), Duration.ofSeconds(90));

            SameAsCheck.assertSameDecisions(expected, decisions);
            assertEquals(0, mismatches.get(), "every claim keyed by its member");
            try (var admin = org.apache.kafka.clients.admin.Admin.create(ClientConfigs.connection(config))) {
                Set<String> topics = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true)).names().get();
                assertTrue(topics.stream().noneMatch(t -> t.startsWith("parity-member") && t.contains("repartition")), topics.toString());
                assertTrue(topics.contains("parity-member-member-history-changelog"), topics.toString());
            }
        }
    }

    @Test
    void servesMetricsHealthTopologyAndMemberHistory() throws Exception {
        Map<String, Object> config = config("ops");
        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        org.claimscrubber.ops.ScrubberMetrics metrics = new org.claimscrubber.ops.ScrubberMetrics();
        config.put(ProcessorEvents.CONFIG, metrics);
        try (ClaimPublisher publisher = new ClaimPublisher(config)) {
            publisher.publish(ClaimTopologyTest.claim("E1", "C1", "MEMBER-SECRET-7", "62323"));
            publisher.publishRaw("BAD", new byte[] {9, 9, 9});
        }
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String token = "ops-test-token-0123456789";
        try (org.claimscrubber.ops.OpsServer ops = new org.claimscrubber.ops.OpsServer(new java.net.InetSocketAddress(
                java.net.InetAddress.getLoopbackAddress(), 0), org.claimscrubber.ops.BearerToken.of(token), metrics)) {
            config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, ops.endpoint("127.0.0.1"));
            ProcessorApp app = new ProcessorApp(config, engine());
            ops.attach(app);
            try (app; DecisionReader reader = new DecisionReader(config)) {
                app.start(Duration.ofSeconds(60));
                assertEquals(1, reader.read(1, Duration.ofSeconds(60)).size());

                String scrape = get(http, ops.url() + "/metrics").body();
                assertTrue(scrape.contains("claimscrubber_decisions_total{disposition=\"ACCEPTED\"} 1.0"), scrape);
                assertTrue(scrape.contains("claimscrubber_dlq_records_total{reason=\"deserialization\"} 1.0"));
                assertTrue(scrape.contains("claimscrubber_end_to_end_latency_seconds_count 1"));
                assertTrue(scrape.contains("claimscrubber_reference_info{table=\"ptp\",version=\"ccipra-v320r0\"} 1"));
                assertTrue(scrape.contains("kafka_stream_client_state"), "Kafka Streams client metrics are bound");
                // DEBUG recording: task and processor-node metrics, and RocksDB metrics (some of which read -1).
                assertTrue(scrape.contains("kafka_stream_processor_node_process_total"), "processor-node metrics at DEBUG");
                assertTrue(scrape.contains("kafka_stream_state_number_open_files"), "RocksDB metrics at DEBUG");
                assertTrue(!scrape.contains("MEMBER-SECRET-7") && !scrape.contains("C1\""), "no member or claim id in metrics");
                assertEquals(200, get(http, ops.url() + "/health/live").statusCode());
                assertEquals(200, get(http, ops.url() + "/health/ready").statusCode());
                assertTrue(get(http, ops.url() + "/topology").body().contains("judge-claim"));
                java.net.http.HttpResponse<String> history = get(http, ops.url() + "/members/MEMBER-SECRET-7/history", "Bearer " + token);
                assertEquals(200, history.statusCode());
                assertTrue(history.body().contains("\"claimId\":\"C1\""), history.body());
                assertEquals(404, get(http, ops.url() + "/members/NOBODY/history", "Bearer " + token).statusCode());
                assertEquals(401, get(http, ops.url() + "/members/MEMBER-SECRET-7/history").statusCode());
            }
            assertEquals(503, get(http, ops.url() + "/health/live").statusCode());
            assertEquals(503, get(http, ops.url() + "/health/ready").statusCode());
        }
    }

    private static java.net.http.HttpResponse<String> get(java.net.http.HttpClient http, String url) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static java.net.http.HttpResponse<String> get(java.net.http.HttpClient http, String url, String authorization) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Authorization", authorization).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }
}
