package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.claimscrubber.Eventually;
import org.claimscrubber.cli.Main;
import org.claimscrubber.embedded.EmbeddedConfig;
import org.claimscrubber.ops.AdvertisedHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code run} command's lifecycle on a real broker: how it ends when the client cannot go on. */
class RunLifecycleTest extends OnEmbeddedBroker {
    @TempDir
    static Path dir;

    /** A properties file naming the application and its own topics, as an operator's {@code --config} would. */
    private static Path configFile(String app) throws Exception {
        Path file = dir.resolve(app + ".properties");
        StringBuilder text = new StringBuilder();
        EmbeddedConfig.withOwnTopics(kafka, registry, app, dir.resolve(app + "-unused")).forEach((k, v) -> {
            if (k.startsWith("claimscrubber.") || k.equals("application.id")) {
                text.append(k).append('=').append(v).append('\n');
            }
        });
        Files.writeString(file, text);
        return file;
    }

    /** The body of /health/live, or "" while nothing answers on the port. */
    private static String live(HttpClient http, int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void runExitsWithStatus1AndOneClearLineWhenTheClientReachesError() throws Exception {
        Map<String, Object> config = EmbeddedConfig.withOwnTopics(kafka, registry, "runerror", dir.resolve("runerror-producer"));
        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        ExecutorService runner = Executors.newSingleThreadExecutor();
        int port = freePort();
        HttpClient http = HttpClient.newHttpClient();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            Future<Integer> exit = runner.submit(() -> Main.commandLine().execute("run",
                    "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url(),
                    "--config", configFile("runerror").toString(), "--reference", "engine/src/main/resources/sample-reference",
                    "--http-port", Integer.toString(port), "--state-dir", dir.resolve("runerror-state").toString()));
            Eventually.await(Duration.ofSeconds(120), "run's client RUNNING on /health/live", () -> live(http, port).contains("\"RUNNING\""));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                // A source topic deleted under a running client: Kafka Streams stops it with MissingSourceTopicException (ERROR).
                admin.deleteTopics(List.of("runerror.submitted")).all().get();
            }

            int status;
            try {
                status = exit.get(120, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                String log = err.toString(StandardCharsets.UTF_8);
                throw new AssertionError("run did not exit; its stderr ends with:\n" + log.substring(Math.max(0, log.length() - 6000)), e);
            }
            assertEquals(1, status, "run must exit with status 1 once the client is in ERROR");
        } finally {
            System.setErr(originalErr);
            runner.shutdownNow();
        }
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("run: ")).toList();
        assertEquals(1, lines.size(), err.toString(StandardCharsets.UTF_8));
        assertTrue(lines.get(0).contains("ERROR"), lines.get(0));
    }

    @Test
    void aLoopbackAdvertisedHostIsRefusedOnlyWhenAMemberOfTheGroupConnectsFromAnotherMachine() throws Exception {
        Map<String, Object> consumerConfig = Map.of("bootstrap.servers", kafka.bootstrapServers(), "group.id", "advertised",
                "key.deserializer", ByteArrayDeserializer.class.getName(), "value.deserializer", ByteArrayDeserializer.class.getName());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
             KafkaConsumer<byte[], byte[]> member = new KafkaConsumer<>(consumerConfig)) {
            admin.createTopics(List.of(new NewTopic("advertised.in", 1, (short) 1))).all().get();
            member.subscribe(List.of("advertised.in"));
            Eventually.await(Duration.ofSeconds(60), "the member has joined the group", () -> {
                member.poll(Duration.ofMillis(100));
                return !member.assignment().isEmpty();
            });

            assertTrue(AdvertisedHost.refusal(admin, "advertised", "localhost").isEmpty(), "the member runs on this machine");
            assertTrue(AdvertisedHost.refusal(admin, "advertised", "localhost", address -> false).isPresent(),
                    "the same member seen as another machine's");
            assertTrue(AdvertisedHost.refusal(admin, "nobody-yet", "localhost", address -> false).isEmpty(), "no group, no conflict");
        }
    }
}
