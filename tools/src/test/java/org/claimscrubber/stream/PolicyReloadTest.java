package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.reference.ReferenceLoader;
import org.claimscrubber.serde.SerdeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** load-policies mid-stream: a running processor judges the next claims by the new payer sections, without a restart. */
class PolicyReloadTest extends OnEmbeddedBroker {
    @TempDir
    Path dir;

    private static ClaimSubmitted acmeClaim(int i) {
        ClaimSubmitted c = ClaimTopologyTest.claim("E" + i, "C" + i, "M" + i, "62323");
        c.setDiagnoses(List.of("M54.50"));
        c.setPayerId("ACME-PPO");
        return c;
    }

    @Test
    void aPolicyFileLoadedMidStreamJudgesTheNextClaimsByItsPayerSections() throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "policy-reload");
        config.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
        new ReferencePublisher(config, new PrintStream(new ByteArrayOutputStream())).publish(ReferenceLoader.sampleSources(), "sample");
        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        Path file = dir.resolve("acme.yaml");
        Files.writeString(file, new String(Policies.class.getResourceAsStream(Policies.DEFAULT_RESOURCE).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8) + """
                  - id: ACME-PPO
                    policies:
                      - id: ESI-L39240
                        regions:
                          - name: lumbar/sacral
                            coveredDiagnoses: [M54.16, M54.50]
                """);
        EditEngine engine = new EditEngine(ReferenceData.empty(), Policies.loadDefault(), ProviderBasis.RENDERING, Clock.systemUTC());

        try (ProcessorApp app = new ProcessorApp(config, engine, true).start(Duration.ofSeconds(60));
             ClaimPublisher claims = new ClaimPublisher(config);
             DecisionReader reader = new DecisionReader(config)) {
            claims.publish(acmeClaim(0));
            Decision before = reader.read(1, Duration.ofSeconds(60)).get(0);
            assertEquals(List.of("DIAGNOSIS_NOT_COVERED"), Scrubber.edits(before), "ACME-PPO has no section yet: the default rules");

            Policies sent = new PolicyPublisher(config).publish(file);
            assertEquals(2, sent.payers().size());

            List<Decision> after = new ArrayList<>();
            Eventually.await(Duration.ofSeconds(90), "a claim judged by ACME-PPO's section", () -> {
                int i = after.size() + 1;
                claims.publish(acmeClaim(i));
                after.addAll(reader.read(1, Duration.ofSeconds(30)));
                return after.size() == i && after.get(i - 1).disposition() == Disposition.ACCEPTED;
            }, () -> after.size() + " claims judged, none accepted");
            assertEquals("ACME-PPO", after.get(after.size() - 1).referenceVersions().get("payer"));
        }
    }
}
