package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.claimscrubber.Eventually;
import org.claimscrubber.Scrubber;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.reference.ReferenceException;
import org.claimscrubber.reference.ReferenceLoader;
import org.claimscrubber.serde.SerdeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** load-reference into the compacted topics, and the processor reading them as global stores, on a real broker. */
class ReferenceTopicsTest extends OnEmbeddedBroker {
    @TempDir
    Path dir;

    @Test
    void loadIsIdempotentRefusesBadFilesReloadsWithoutARestartAndTombstonesVanishedRows() throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "reference-topics");
        config.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        ReferencePublisher publisher = new ReferencePublisher(config, quiet);

        var first = publisher.publish(ReferenceLoader.sampleSources(), "sample");
        var again = publisher.publish(ReferenceLoader.sampleSources(), "sample");
        assertEquals(103, first.sentAndTombstoned().get(ReferenceRecords.PTP)[0]);
        assertTrue(again.sentAndTombstoned().isEmpty(), "reloading the same files sends nothing");

        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve("ccipra-v321r0-f1.txt"), "");
        assertEquals("ccipra-v321r0-f1.txt", org.junit.jupiter.api.Assertions.assertThrows(ReferenceException.class,
                () -> publisher.publish(ReferenceLoader.sources(bad), "bad")).file());

        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        EditEngine engine = new EditEngine(ReferenceData.empty(), Policies.loadDefault(), ProviderBasis.RENDERING, Clock.systemUTC());
        try (ProcessorApp app = new ProcessorApp(config, engine, true).start(Duration.ofSeconds(60));
             ClaimPublisher claims = new ClaimPublisher(config);
             DecisionReader reader = new DecisionReader(config)) {
            claims.publish(ClaimTopologyTest.claim("E0", "C0", "M0", "62323"));
            Decision before = reader.read(1, Duration.ofSeconds(30)).get(0);
            assertEquals(Disposition.ACCEPTED, before.disposition());
            assertEquals("273.22", before.lines().get(0).expectedAllowed().toPlainString());

            Path next = ReferenceFixtures.nextQuarter(dir);
            var reload = publisher.publish(ReferenceLoader.sources(next), "next");
            assertEquals(1, reload.sentAndTombstoned().get(ReferenceRecords.CODES)[1]);
            assertEquals(null, reload.sentAndTombstoned().get(ReferenceRecords.MUE), "the same MUE edition sends nothing");
            assertEquals(4, reload.sentAndTombstoned().get(ReferenceRecords.PTP)[1]);

            List<Decision> after = new ArrayList<>();
            Eventually.await(Duration.ofSeconds(120), "a claim judged with the reloaded reference", () -> {
                int i = after.size() + 1;
                claims.publish(ClaimTopologyTest.claim("E" + i, "C" + i, "M" + i, "62323"));
                after.addAll(reader.read(1, Duration.ofSeconds(30)));
                return after.size() == i && after.get(i - 1).disposition() != Disposition.ACCEPTED;
            }, () -> after.size() + " claims judged, all accepted");
            Decision last = after.get(after.size() - 1);
            assertEquals(List.of("UNKNOWN_CODE"), Scrubber.edits(last));
            assertEquals("ccipra-v321r0", last.referenceVersions().get("ptp"));
        }
    }
}
