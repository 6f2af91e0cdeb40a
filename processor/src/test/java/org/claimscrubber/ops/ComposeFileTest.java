package org.claimscrubber.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docker-compose.yml checked without Docker: images pinned, files present, dependencies and ports consistent. */
class ComposeFileTest {
    private static final JsonNode COMPOSE = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> services() {
        return () -> COMPOSE.get("services").fields();
    }

    @Test
    void everyImageIsPinnedAndTheAppIsBuiltFromTheRepository() {
        for (Map.Entry<String, JsonNode> s : services()) {
            String image = s.getValue().path("image").asText();
            assertTrue(image.contains(":") && !image.endsWith(":latest"), s.getKey() + " image " + image + " is not pinned");
        }
        assertEquals(".", COMPOSE.at("/services/init/build").asText());
        assertTrue(Files.exists(Path.of("Dockerfile")));
        assertEquals("claim-scrubber:local", COMPOSE.at("/services/claim-scrubber/image").asText());
    }

    @Test
    void everyMountedFileAndDependencyExistsAndEveryHostPortIsUsedOnce() {
        Set<String> ports = new HashSet<>();
        for (Map.Entry<String, JsonNode> s : services()) {
            for (JsonNode volume : s.getValue().path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith("./")) {
                    assertTrue(Files.exists(Path.of(source)), s.getKey() + " mounts missing " + source);
                } else {
                    assertTrue(COMPOSE.path("volumes").has(source), s.getKey() + " uses undeclared volume " + source);
                }
            }
            Iterator<String> deps = s.getValue().path("depends_on").fieldNames();
            while (deps.hasNext()) {
                String dep = deps.next();
                assertTrue(COMPOSE.get("services").has(dep), s.getKey() + " depends on unknown " + dep);
                String condition = s.getValue().at("/depends_on/" + dep + "/condition").asText();
                if (condition.equals("service_healthy")) {
                    assertFalse(COMPOSE.at("/services/" + dep + "/healthcheck").isMissingNode(), dep + " has no healthcheck");
                }
            }
            for (JsonNode port : s.getValue().path("ports")) {
                assertTrue(ports.add(port.asText().split(":")[0]), "host port used twice: " + port.asText());
            }
        }
    }

    @Test
    void clientsUseTheDocumentedEnvironmentAndPrometheusScrapesTheProcessor() throws Exception {
        for (String service : new String[] {"init", "claim-scrubber", "producer"}) {
            JsonNode env = COMPOSE.at("/services/" + service + "/environment");
            assertEquals("kafka:19092", env.path("KAFKA_BOOTSTRAP_SERVERS").asText(), service);
            assertEquals("http://schema-registry:8081", env.path("KAFKA_SCHEMA_REGISTRY_URL").asText(), service);
        }
        String command = COMPOSE.at("/services/claim-scrubber/command").toString();
        assertTrue(command.contains("\"--http-port\",\"8080\""));
        assertTrue(Files.readString(Path.of("ops/prometheus/prometheus.yml")).contains("claim-scrubber:8080"));
        assertTrue(Files.readString(Path.of("ops/grafana/provisioning/datasources/prometheus.yml")).contains("http://prometheus:9090"));
    }

    @Test
    void longRunningServicesAreRestartedUnlessStoppedAndOneShotJobsAreNot() {
        for (String service : new String[] {"kafka", "schema-registry", "claim-scrubber", "prometheus", "grafana"}) {
            assertEquals("unless-stopped", COMPOSE.at("/services/" + service + "/restart").asText(), service
                    + " must come back when it exits (run exits with status 1 when its Kafka Streams client fails)");
        }
        for (String service : new String[] {"init", "producer"}) {
            assertEquals("no", COMPOSE.at("/services/" + service + "/restart").asText(), service);
        }
    }

    @Test
    void theProcessorListensOnAllInterfacesOfItsContainerAndTakesItsHistoryTokenOnlyFromTheHost() {
        String command = COMPOSE.at("/services/claim-scrubber/command").toString();
        assertTrue(command.contains("\"--http-bind\",\"0.0.0.0\""), "Prometheus scrapes it from another container: " + command);
        assertFalse(command.contains("--advertised-host"), "derived from the container's address, so replicas do not collide: " + command);
        String token = COMPOSE.at("/services/claim-scrubber/environment/CLAIMSCRUBBER_HTTP_TOKEN").asText();
        assertEquals("${CLAIMSCRUBBER_HTTP_TOKEN:-}", token, "the token comes from the host's environment, never from this file");
    }
}
