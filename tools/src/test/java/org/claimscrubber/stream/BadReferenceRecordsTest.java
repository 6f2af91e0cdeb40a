package org.claimscrubber.stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.claimscrubber.Scrubber;
import org.claimscrubber.avro.PtpReferenceRow;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.embedded.EmbeddedConfig;
import org.claimscrubber.ops.ScrubberMetrics;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.reference.ReferenceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad records on a reference topic (bytes that are not Avro, a row that decodes but cannot be converted) are
 * skipped with a log line and a metric: the client keeps running, restarts cleanly, later loads take effect, and
 * nothing reaches the claims DLQ.
 */
class BadReferenceRecordsTest extends OnEmbeddedBroker {
    private static final String SKIPPED = "claimscrubber_reference_records_skipped_total{topic=\"reference.ptp\"}";

    @TempDir
    Path dir;

    private static EditEngine emptyEngine() {
        return new EditEngine(ReferenceData.empty(), Policies.loadDefault(), ProviderBasis.RENDERING, Clock.systemUTC());
    }

    private static Decision decide(ClaimPublisher claims, DecisionReader reader, String id) {
        claims.publish(ClaimTopologyTest.claim("E" + id, "C" + id, "M" + id, "62323"));
        claims.flush();
        List<Decision> one = reader.read(1, ReferenceFixtures.LONG);
        assertEquals(1, one.size(), "a decision for C" + id);
        return one.get(0);
    }

    @Test
    void badReferenceRecordsAreSkippedTheClientStaysRunningAndALaterLoadTakesEffect() throws Exception {
        Map<String, Object> config = EmbeddedConfig.withOwnTopics(kafka, registry, "badref", dir.resolve("state"));
        ScrubberMetrics metrics = new ScrubberMetrics();
        config.put(ProcessorEvents.CONFIG, metrics);
        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        ReferencePublisher publisher = new ReferencePublisher(config, new PrintStream(PrintStream.nullOutputStream()));
        publisher.publish(ReferenceLoader.sampleSources(), "sample");

        try (ClaimPublisher claims = new ClaimPublisher(config); DecisionReader reader = new DecisionReader(config)) {
            try (ProcessorApp app = new ProcessorApp(config, emptyEngine(), true).start(ReferenceFixtures.LONG)) {
                assertEquals("273.22", decide(claims, reader, "0").lines().get(0).expectedAllowed().toPlainString());

                ReferenceFixtures.sendRaw(config, ReferenceRecords.PTP, Map.of(
                        "garbage", "these bytes are not Avro".getBytes(StandardCharsets.UTF_8),
                        "62323|77003|2026-02-30|*|0", ReferenceFixtures.avro(config, ReferenceRecords.PTP,
                                new PtpReferenceRow("62323", "77003", false, "2026-02-30", null, 0, "", "ccipra-v999r0"))));
                await().atMost(ReferenceFixtures.LONG).until(() -> app.state() != KafkaStreams.State.RUNNING
                        || ReferenceFixtures.metric(metrics.scrape(), SKIPPED) >= 2);
                assertEquals(KafkaStreams.State.RUNNING, app.state());
                assertEquals(2.0, ReferenceFixtures.metric(metrics.scrape(), SKIPPED));

                publisher.publish(ReferenceLoader.sources(ReferenceFixtures.nextQuarter(dir)), "next");
                List<Decision> after = new ArrayList<>();
                await().atMost(ReferenceFixtures.LONG).until(() -> {
                    after.add(decide(claims, reader, "1-" + after.size()));
                    return after.get(after.size() - 1).disposition() != Disposition.ACCEPTED;
                });
                assertEquals(List.of("UNKNOWN_CODE"), Scrubber.edits(after.get(after.size() - 1)), "the later load is in force");
                assertEquals(KafkaStreams.State.RUNNING, app.state());
            }

            ReferenceFixtures.sendRaw(config, ReferenceRecords.PTP, Map.of("garbage-2", new byte[] {0, 0, 0, 0, 99, 1, 2}));
            config.put(org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG, dir.resolve("fresh-state").toString());
            try (ProcessorApp restarted = new ProcessorApp(config, emptyEngine(), true).start(ReferenceFixtures.LONG)) {
                await().atMost(ReferenceFixtures.LONG).until(() -> restarted.ready() || restarted.state() == KafkaStreams.State.ERROR);
                assertEquals(KafkaStreams.State.RUNNING, restarted.state(), "a restart restores past the bad records");
                assertEquals(List.of("UNKNOWN_CODE"), Scrubber.edits(decide(claims, reader, "2")));
            }
        }
        assertEquals(0, TopicCounter.count(config, "badref.dlq", Duration.ofSeconds(10)), "no bad reference record reaches the DLQ");
    }
}
