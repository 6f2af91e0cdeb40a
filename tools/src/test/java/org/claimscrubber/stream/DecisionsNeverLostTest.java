package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.claimscrubber.Scrubber;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.serde.AvroSerde;
import org.claimscrubber.serde.SerdeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decisions are never lost: output write failures stop the client, the judge step is atomic, history stays bounded. */
class DecisionsNeverLostTest extends OnEmbeddedBroker {
    @TempDir
    static java.nio.file.Path stateDir;

    private static Map<String, Object> config(String app) {
        return org.claimscrubber.embedded.EmbeddedConfig.withOwnTopics(kafka, registry, app, stateDir.resolve(app));
    }

    private static EditEngine engine() {
        return new EditEngine(Scrubber.sampleReference(), Policies.loadDefault(), ProviderBasis.RENDERING, Scrubber.FIXED);
    }

    @Test
    void anUnregisteredDecisionSchemaStopsTheClientAndEveryDecisionArrivesOnceAfterRegistering() throws Exception {
        Map<String, Object> config = config("unregistered");
        config.put(SerdeConfig.AUTO_REGISTER_SCHEMAS, false);
        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        Topics topics = Topics.from(config);
        AvroSerde<ClaimSubmitted> in = AvroSerde.of(ClaimSubmitted.class, Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
        try (ClaimPublisher publisher = new ClaimPublisher(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                SerdeConfig.SCHEMA_REGISTRY_URL, registry.url(), Topics.SUBMITTED_CONFIG, topics.submitted()))) {
            publisher.publish(ClaimTopologyTest.claim("U1", "C1", "M1", "62323"));
            publisher.publish(ClaimTopologyTest.claim("U2", "C2", "M2", "62323", "77003"));
            publisher.publish(ClaimTopologyTest.claim("U3", "C3", "M1", "64483"));
        }
        in.close();

        ProcessorApp first = new ProcessorApp(config, engine());
        try (first) {
            first.start(Duration.ofSeconds(60));
            org.claimscrubber.Eventually.await(Duration.ofSeconds(60), "the client stops on an output it cannot write",
                    () -> first.state() == KafkaStreams.State.ERROR || first.state() == KafkaStreams.State.NOT_RUNNING, first::state);
        }
        assertEquals(0, countRecords(topics.dlq()), "nothing was dead-lettered");
        assertEquals(0, countRecords(topics.accepted()) + countRecords(topics.flagged()), "no decision was committed");

        var registryClient = SerdeConfig.from(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false).registry();
        registryClient.register(topics.accepted() + "-value", org.claimscrubber.serde.AvroModels.published(ClaimDecision.getClassSchema()));
        registryClient.register(topics.flagged() + "-value", org.claimscrubber.serde.AvroModels.published(ClaimDecision.getClassSchema()));
        try (ProcessorApp second = new ProcessorApp(config, engine()).start(Duration.ofSeconds(60));
             DecisionReader reader = new DecisionReader(config)) {
            List<Decision> decisions = reader.read(3, Duration.ofSeconds(60));
            assertEquals(Set.of("U1", "U2", "U3"), eventIds(decisions));
            assertEquals(3, decisions.size(), "each decision exactly once");
        }
        assertEquals(0, countRecords(topics.dlq()));
    }

    @Test
    void anEngineFailureChangesNoHistoryAndItsDeadLetterReplaysAsTheOriginalClaim() throws Exception {
        Map<String, Object> config = config("engine-failure");
        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        Topics topics = Topics.from(config);
        ClaimSubmitted poison = ClaimTopologyTest.claim("P1", "C-POISON", "M9", "62323");
        byte[] poisonBytes;
        try (ClaimPublisher publisher = new ClaimPublisher(config)) {
            poisonBytes = AvroSerde.of(ClaimSubmitted.class, config, false).serializer().serialize(topics.submitted(), poison);
            publisher.publishRaw("C-POISON", poisonBytes);
            publisher.publish(ClaimTopologyTest.claim("P2", "C-GOOD", "M9", "62323"));
        }
        // The first claim judged (the poison, at offset 0) meets a defect inside the engine.
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        java.time.Clock failsOnce = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                if (!failed.getAndSet(true)) {
                    throw new IllegalStateException("engine defect on this claim");
                }
                return Scrubber.FIXED.instant();
            }
        };
        EditEngine failing = new EditEngine(Scrubber.sampleReference(), Policies.loadDefault(), ProviderBasis.RENDERING, failsOnce);
        try (ProcessorApp app = new ProcessorApp(config, failing).start(Duration.ofSeconds(60));
             DecisionReader reader = new DecisionReader(config)) {
            assertEquals(Set.of("P2"), eventIds(reader.read(1, Duration.ofSeconds(60))));
            List<ConsumerRecord<byte[], byte[]>> dead = readAll(topics.dlq(), 1);
            assertEquals("C-POISON", new String(dead.get(0).key(), java.nio.charset.StandardCharsets.UTF_8), "keyed as the original");
            assertTrue(java.util.Arrays.equals(poisonBytes, dead.get(0).value()), "the original value bytes");
            assertEquals(topics.submitted(), header(dead.get(0), DeadLetters.TOPIC), "the original topic");
            assertEquals("0", header(dead.get(0), DeadLetters.OFFSET), "the original offset");
            assertEquals(KafkaStreams.State.RUNNING, app.state());
        }

        new org.claimscrubber.ops.DlqReplay(config, new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).replay(null, false);
        try (ProcessorApp fixed = new ProcessorApp(config, engine()).start(Duration.ofSeconds(60));
             DecisionReader reader = new DecisionReader(config)) {
            List<Decision> decisions = reader.read(2, Duration.ofSeconds(60));
            assertEquals(Set.of("P1", "P2"), eventIds(decisions), "the replayed claim is judged, not ignored as already seen");
        }
    }

    @Test
    void historyStaysBoundedUnderASmallMaxRequestSize() throws Exception {
        Map<String, Object> config = config("bounded");
        config.put(StreamsConfig.producerPrefix("max.request.size"), 10_000);
        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        int n = 2000;
        try (ClaimPublisher publisher = new ClaimPublisher(config)) {
            for (int i = 0; i < n; i++) {
                // One member whose claims are all flagged (no accepted claim), and claims with a blank member id.
                publisher.publish(ClaimTopologyTest.claim("F" + i, "CF" + i, "M-FLAGGED", "62322"));
                publisher.publish(ClaimTopologyTest.claim("B" + i, "CB" + i, " ", "62323"));
            }
        }
        try (ProcessorApp app = new ProcessorApp(config, engine()).start(Duration.ofSeconds(60));
             DecisionReader reader = new DecisionReader(config)) {
            List<Decision> decisions = reader.read(2 * n, Duration.ofSeconds(120));
            assertEquals(2 * n, eventIds(decisions).size());
            assertEquals(KafkaStreams.State.RUNNING, app.state());
            var store = app.streams().store(org.apache.kafka.streams.StoreQueryParameters.fromNameAndType(ClaimTopology.HISTORY_STORE,
                    org.apache.kafka.streams.state.QueryableStoreTypes.<String, org.claimscrubber.history.MemberHistory>keyValueStore()));
            var flagged = store.get("M-FLAGGED");
            assertTrue(org.claimscrubber.history.HistoryCodec.encode(flagged).length <= 5_000, "bounded to half the request size");
            assertTrue(flagged.events().size() > 100, "recent event ids are kept");
            assertEquals(null, store.get(" "), "no history under a blank member id");
            assertEquals(null, store.get(""), "no history under a blank member id");
        }
    }

    private static Set<String> eventIds(List<Decision> decisions) {
        Set<String> ids = new HashSet<>();
        for (Decision d : decisions) {
            assertTrue(ids.add(d.eventId()), "duplicate decision for " + d.eventId());
        }
        return ids;
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String key) {
        var h = r.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long countRecords(String topic) {
        return CommittedRecords.readAll(Map.of("bootstrap.servers", kafka.bootstrapServers()), topic).size();
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int atLeast) {
        return CommittedRecords.awaitAtLeast(Map.of("bootstrap.servers", kafka.bootstrapServers()), atLeast, Duration.ofSeconds(30), topic);
    }
}
