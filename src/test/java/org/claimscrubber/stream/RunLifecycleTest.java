package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.claimscrubber.cli.Main;
import org.claimscrubber.embedded.EmbeddedConfig;
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

    @Test
    void runExitsWithStatus1AndOneClearLineWhenTheClientReachesError() throws Exception {
        Map<String, Object> config = EmbeddedConfig.withOwnTopics(kafka, registry, "runerror", dir.resolve("runerror-producer"));
        ProcessorApp.ensureTopics(config, Topics.from(config), 1);
        // The claim's schema is registered by the publisher; the decisions' are not, and run does not register
        // them: the first decision cannot be written, and the client shuts down (ERROR).
        try (ClaimPublisher publisher = new ClaimPublisher(config)) {
            publisher.publish(ClaimTopologyTest.claim("E1", "C1", "M1", "62323"));
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            Future<Integer> exit = runner.submit(() -> Main.commandLine().execute("run",
                    "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url(),
                    "--config", configFile("runerror").toString(), "--reference", "src/main/resources/sample-reference",
                    "--http-port", "0", "--state-dir", dir.resolve("runerror-state").toString()));

            assertEquals(1, exit.get(120, TimeUnit.SECONDS), "run must exit with status 1 once the client is in ERROR");
        } finally {
            System.setErr(originalErr);
            runner.shutdownNow();
        }
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("run: ")).toList();
        assertEquals(1, lines.size(), err.toString(StandardCharsets.UTF_8));
        assertTrue(lines.get(0).contains("ERROR"), lines.get(0));
    }
}
