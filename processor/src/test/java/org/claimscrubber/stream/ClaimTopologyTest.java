package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.claimscrubber.Scrubber;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.avro.ClaimFrequency;
import org.claimscrubber.avro.ClaimLine;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.avro.Disposition;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.history.MemberHistory;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.serde.AvroSerde;
import org.claimscrubber.serde.MockSchemaRegistry;
import org.claimscrubber.serde.SerdeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimTopologyTest {
    private static final String SCOPE = "claim-topology-test";
    private static final Map<String, Object> CONFIG = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);

    /** Each test's own RocksDB state: an interrupted run must not corrupt the next one's (TaskCorruptedException). */
    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, ClaimSubmitted> submitted;
    private TestOutputTopic<String, ClaimDecision> accepted;
    private TestOutputTopic<String, ClaimDecision> flagged;
    private EditEngine engine = new EditEngine(Scrubber.sampleReference(), Policies.loadDefault(), ProviderBasis.RENDERING, Scrubber.FIXED);

    static Topology topology(java.util.function.Supplier<EditEngine> engine) {
        return ClaimTopology.build(StreamsSettings.defaults(CONFIG), engine);
    }

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.putAll(StreamsSettings.defaults(CONFIG));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology(() -> engine), props);
        AvroSerde<ClaimSubmitted> in = AvroSerde.of(ClaimSubmitted.class, CONFIG, false);
        AvroSerde<ClaimDecision> out = AvroSerde.of(ClaimDecision.class, CONFIG, false);
        submitted = driver.createInputTopic("claims.submitted", Serdes.String().serializer(), in.serializer());
        accepted = driver.createOutputTopic("claims.accepted", Serdes.String().deserializer(), out.deserializer());
        flagged = driver.createOutputTopic("claims.flagged", Serdes.String().deserializer(), out.deserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        MockSchemaRegistry.dropScope(SCOPE);
    }

    static ClaimSubmitted claim(String eventId, String claimId, String member, String... codes) {
        List<ClaimLine> lines = new java.util.ArrayList<>();
        for (String code : codes) {
            lines.add(ClaimLine.newBuilder().setLineNumber(lines.size() + 1).setProcedureCode(code).setUnits(1)
                    .setServiceDate("2026-03-02").setDiagnosisPointers(List.of(1)).build());
        }
        return ClaimSubmitted.newBuilder().setEventId(eventId).setClaimId(claimId).setFrequency(ClaimFrequency.ORIGINAL)
                .setMemberId(member).setBillingProviderNpi("1003000126").setPlaceOfService("11").setDiagnoses(List.of("M54.16"))
                .setLines(lines).build();
    }

    @Test
    void routesAcceptedAndFlaggedKeyedByClaimId() {
        submitted.pipeInput("C1", claim("E1", "C1", "M1", "62323"));
        submitted.pipeInput("C2", claim("E2", "C2", "M2", "62323", "77003"));

        var a = accepted.readKeyValuesToList();
        var f = flagged.readKeyValuesToList();
        assertEquals("C1", a.get(0).key);
        assertEquals(Disposition.ACCEPTED, a.get(0).value.getDisposition());
        assertEquals("273.22", a.get(0).value.getLines().get(0).getExpectedAllowed());
        assertEquals("PFS", a.get(0).value.getLines().get(0).getPricing());
        assertEquals("C2", f.get(0).key);
        assertEquals("NCCI_PTP", f.get(0).value.getFindings().get(0).getEdit());
    }

    @Test
    void historyIsKeptPerMemberAcrossClaimsAndRedeliveryEmitsNothing() {
        submitted.pipeInput("C1", claim("E1", "C1", "M1", "62323"));
        submitted.pipeInput("C1", claim("E1", "C1", "M1", "62323"));
        submitted.pipeInput("C2", claim("E2", "C2", "M1", "77003"));
        submitted.pipeInput("C3", claim("E3", "C3", "M9", "62323"));

        assertEquals(List.of("C1", "C3"), accepted.readKeyValuesToList().stream().map(kv -> kv.key).toList());
        var f = flagged.readValuesToList();
        assertEquals(1, f.size());
        assertEquals(List.of("C1"), f.get(0).getFindings().get(0).getRelatedClaimIds());
        KeyValueStore<String, MemberHistory> store = driver.getKeyValueStore(JudgeProcessor.STORE);
        assertEquals(1, store.get("M1").claims().size());
        assertEquals(2, store.get("M1").events().size());
    }

    @Test
    void voidGoesToAcceptedAsVoided() {
        submitted.pipeInput("C1", claim("E1", "C1", "M1", "62323"));
        ClaimSubmitted v = claim("E2", "V1", "M1");
        v.setFrequency(ClaimFrequency.VOID);
        v.setOriginalClaimId("C1");
        submitted.pipeInput("V1", v);

        var values = accepted.readValuesToList();
        assertEquals(Disposition.VOIDED, values.get(1).getDisposition());
        assertTrue(flagged.isEmpty());
    }

    @Test
    void aNewReferenceTakesEffectWithoutARestart() {
        submitted.pipeInput("C1", claim("E1", "C1", "M1", "99213"));
        engine = engine.withReference(org.claimscrubber.reference.ReferenceData.empty());
        submitted.pipeInput("C2", claim("E2", "C2", "M2", "99213"));

        assertEquals(1, accepted.readValuesToList().size());
        assertEquals("UNKNOWN_CODE", flagged.readValuesToList().get(0).getFindings().get(0).getEdit());
    }

    @Test
    void topologyDescriptionMatchesTheGoldenFile() throws IOException {
        String description = topology(() -> engine).describe().toString();
        Path golden = Path.of("processor/src/test/resources/golden/topology.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, description);
        }

        assertEquals(Files.readString(golden), description,
                "a renamed processor, store or topic orphans state on deploy; update the golden file only on purpose");
    }

    @Test
    void topologyDescriptionMemberKeyedMatchesTheGoldenFile() throws IOException {
        String description = memberKeyed(() -> engine, ProcessorEvents.NONE).describe().toString();
        Path golden = Path.of("processor/src/test/resources/golden/topology-member.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, description);
        }

        assertEquals(Files.readString(golden), description,
                "a renamed processor, store or topic orphans state on deploy; update the golden file only on purpose");
    }

    static Topology memberKeyed(java.util.function.Supplier<EditEngine> engine, ProcessorEvents events) {
        Map<String, Object> config = new java.util.HashMap<>(StreamsSettings.defaults(CONFIG));
        config.put(InputKeying.CONFIG, "member");
        config.put(ProcessorEvents.CONFIG, events);
        return ClaimTopology.build(config, engine);
    }

    private TopologyTestDriver memberKeyedDriver(ProcessorEvents events) {
        driver.close();
        Properties props = new Properties();
        props.putAll(StreamsSettings.defaults(CONFIG));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("member").toString());
        driver = new TopologyTestDriver(memberKeyed(() -> engine, events), props);
        AvroSerde<ClaimSubmitted> in = AvroSerde.of(ClaimSubmitted.class, CONFIG, false);
        AvroSerde<ClaimDecision> out = AvroSerde.of(ClaimDecision.class, CONFIG, false);
        submitted = driver.createInputTopic("claims.submitted", Serdes.String().serializer(), in.serializer());
        accepted = driver.createOutputTopic("claims.accepted", Serdes.String().deserializer(), out.deserializer());
        flagged = driver.createOutputTopic("claims.flagged", Serdes.String().deserializer(), out.deserializer());
        return driver;
    }

    @Test
    void claimKeyedIsTheDefaultShape() {
        assertEquals(InputKeying.CLAIM, InputKeying.from(Map.of()));
        assertEquals(InputKeying.MEMBER, InputKeying.forProducers(Map.of()));
        assertEquals(InputKeying.MEMBER, InputKeying.from(Map.of("claimscrubber.input.keyed.by", "member")),
                "as KAFKA_CLAIMSCRUBBER_INPUT_KEYED_BY=member arrives");
        assertEquals(InputKeying.CLAIM, InputKeying.forProducers(Map.of(InputKeying.CONFIG, " Claim ")));
        assertTrue(topology(() -> engine).describe().toString().contains("claims-by-member-repartition"));
    }

    @Test
    void memberKeyedInputIsJudgedWhereItArrivesWithoutARepartition() {
        memberKeyedDriver(ProcessorEvents.NONE);
        submitted.pipeInput("M1", claim("E1", "C1", "M1", "62323"));
        submitted.pipeInput("M1", claim("E2", "C2", "M1", "77003"));
        submitted.pipeInput("M1", claim("E2", "C2", "M1", "77003"));

        assertEquals(List.of("C1"), accepted.readKeyValuesToList().stream().map(kv -> kv.key).toList());
        var f = flagged.readKeyValuesToList();
        assertEquals(List.of("C2"), f.stream().map(kv -> kv.key).toList());
        assertEquals(List.of("C1"), f.get(0).value.getFindings().get(0).getRelatedClaimIds());
        assertEquals(2, driver.<String, MemberHistory>getKeyValueStore(JudgeProcessor.STORE).get("M1").events().size());
        assertTrue(driver.producedTopicNames().stream().noneMatch(t -> t.contains("repartition")), driver.producedTopicNames().toString());
    }

    @Test
    void memberKeyedInputCountsEveryRecordNotKeyedByItsMemberAndStillJudgesIt() {
        java.util.concurrent.atomic.AtomicInteger mismatches = new java.util.concurrent.atomic.AtomicInteger();
        memberKeyedDriver(new ProcessorEvents() {
            @Override
            public void inputKeyMismatch() {
                mismatches.incrementAndGet();
            }
        });
        submitted.pipeInput("M1", claim("E1", "C1", "M1", "62323"));
        submitted.pipeInput("C2", claim("E2", "C2", "M2", "62323"));
        submitted.pipeInput((String) null, claim("E3", "C3", "M3", "62323"));
        submitted.pipeInput("C4", claim("E4", "C4", " ", "62323"));
        submitted.pipeInput("M5", claim("E5", "C5", "", "62323"));

        assertEquals(3, mismatches.get(), "C2 keyed by claim id, C3 without a key, C5 (blank member) not by its claim id; C4 fits");
        assertEquals(List.of("C1", "C2", "C3"), accepted.readKeyValuesToList().stream().map(kv -> kv.key).toList());
        assertEquals(List.of("C4", "C5"), flagged.readKeyValuesToList().stream().map(kv -> kv.key).toList());
    }

    @Test
    void anUnknownInputShapeIsRefusedWithTheSettingsName() {
        Map<String, Object> config = new java.util.HashMap<>(CONFIG);
        config.put(InputKeying.CONFIG, "patient");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ClaimTopology.build(config, () -> engine));
        assertTrue(e.getMessage().contains("claimscrubber.input.keyed-by must be member or claim"), e.getMessage());
    }
}
