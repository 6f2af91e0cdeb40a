package org.claimscrubber.stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.embedded.EmbeddedConfig;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.reference.ReferenceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A processor that reads its reference from the topics is not ready and decides nothing until the topics hold a
 * complete load: not on empty topics, not on rows that no completed load vouches for (a loader that died half-way).
 */
class ReferenceLoadGateTest extends OnEmbeddedBroker {
    @TempDir
    Path dir;

    @Test
    void aProcessorOnEmptyOrHalfLoadedReferenceTopicsWaitsAndThenDecidesWithTheCompleteLoad() throws Exception {
        Map<String, Object> config = EmbeddedConfig.withOwnTopics(kafka, registry, "gate", dir.resolve("state"));
        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        try (Admin admin = Admin.create(ClientConfigs.connection(config))) {
            List<NewTopic> empty = new ArrayList<>();
            for (String t : List.of(ReferenceRecords.PTP, ReferenceRecords.MUE, ReferenceRecords.CODES)) {
                empty.add(new NewTopic(t, 1, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
            admin.createTopics(empty).all().get(30, TimeUnit.SECONDS);
        }
        EditEngine engine = new EditEngine(ReferenceData.empty(), Policies.loadDefault(), ProviderBasis.RENDERING, Clock.systemUTC());
        List<Decision> decided = new ArrayList<>();
        try (ProcessorApp app = new ProcessorApp(config, engine, true).start(ReferenceFixtures.LONG);
             ClaimPublisher claims = new ClaimPublisher(config);
             DecisionReader reader = new DecisionReader(config)) {
            claims.publish(ClaimTopologyTest.claim("E0", "C0", "M0", "62323"));
            claims.flush();
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> reader.poll(Duration.ofMillis(100), decided::add) == 0 && !app.ready());

            ReferenceFixtures.halfWrittenSampleLoad(config);
            await().atMost(ReferenceFixtures.LONG).until(() -> ReferenceFixtures.storeEntries(app, ReferenceStores.PTP_STORE) == 103);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> reader.poll(Duration.ofMillis(100), decided::add) == 0 && !app.ready());
            assertEquals(List.of(), decided, "nothing is decided on a half-written load");

            new ReferencePublisher(config, new PrintStream(PrintStream.nullOutputStream())).publish(ReferenceLoader.sampleSources(), "sample");
            decided.addAll(reader.read(1, ReferenceFixtures.LONG));
            assertEquals(1, decided.size());
            assertEquals(Disposition.ACCEPTED, decided.get(0).disposition(), "decided with the complete load, not UNKNOWN_CODE");
            assertEquals("273.22", decided.get(0).lines().get(0).expectedAllowed().toPlainString());
            await().atMost(ReferenceFixtures.LONG).until(app::ready);
        }
    }
}
