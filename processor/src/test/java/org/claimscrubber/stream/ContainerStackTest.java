package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.claimscrubber.Scrubber;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.serde.SerdeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The processor against the images the compose stack uses: {@code apache/kafka} and Confluent's own schema
 * registry. Needs Docker; where no Docker engine runs (these build machines) JUnit reports it skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerStackTest {
    private static final Network NETWORK = Network.newNetwork();

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0").withNetwork(NETWORK).withListener("kafka:19092");

    @Container
    static final GenericContainer<?> REGISTRY = new GenericContainer<>("confluentinc/cp-schema-registry:7.9.0")
            .withNetwork(NETWORK).dependsOn(KAFKA).withExposedPorts(8081)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));

    @TempDir
    java.nio.file.Path stateDir;

    @Test
    void judgesClaimsWithConfluentsRegistry() throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers());
        config.put(SerdeConfig.SCHEMA_REGISTRY_URL, "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081));
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "containers");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        EditEngine engine = new EditEngine(Scrubber.sampleReference(), Policies.loadDefault(), ProviderBasis.RENDERING, Scrubber.FIXED);
        List<ClaimSubmitted> claims = List.of(ClaimTopologyTest.claim("E1", "C1", "M1", "62323"),
                ClaimTopologyTest.claim("E2", "C2", "M2", "62323", "77003"));
        Map<String, Decision> expected = SameAsCheck.judge(engine, claims.stream().map(AvroMapping::claim).toList());
        assertEquals(List.of(Disposition.ACCEPTED, Disposition.FLAGGED), expected.values().stream().map(Decision::disposition).toList());
        try (ClaimPublisher publisher = new ClaimPublisher(config)) {
            claims.forEach(publisher::publish);
        }
        try (ProcessorApp app = new ProcessorApp(config, engine).start(Duration.ofMinutes(2))) {
            List<Decision> decisions = CommittedDecisions.awaitEvery(config, expected.keySet(), Duration.ofMinutes(1));

            SameAsCheck.assertSameDecisions(expected, decisions);
        }
    }
}
