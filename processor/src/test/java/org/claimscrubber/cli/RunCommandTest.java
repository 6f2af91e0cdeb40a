package org.claimscrubber.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code run} without a broker: what it says while it waits for one. */
class RunCommandTest {
    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void runAgainstAnUnreachableBrokerPrintsOneWaitingLineInsteadOfClientWarningsAndGivesUpAfterItsBound() throws Exception {
        String bootstrap = "127.0.0.1:" + closedPort();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Main.commandLine().execute("run",
                    "--bootstrap-servers", bootstrap, "--http-port", "0", "--kafka-wait-seconds", "4"));
        } finally {
            System.setErr(originalErr);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertEquals(1, exit, text);
        assertEquals(List.of("run: waiting for Kafka at " + bootstrap + " (bootstrap.servers) ..."),
                lines.stream().filter(l -> l.contains("waiting for Kafka")).toList(), text);
        assertTrue(lines.stream().noneMatch(l -> l.contains("WARN")), "no client warnings while waiting:\n" + text);
        assertTrue(lines.get(lines.size() - 1).startsWith("run: Kafka at " + bootstrap + " did not answer within 4 s"), text);
    }

    @Test
    void aClientThatStopsWithoutBeingAskedEndsRunWithStatus1AndARequestedStopWith0() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertEquals(1, ClientWatch.await(() -> State.NOT_RUNNING, new CountDownLatch(1), stream));
        assertEquals(1, ClientWatch.await(() -> State.ERROR, new CountDownLatch(1), stream));
        assertEquals(0, ClientWatch.await(() -> State.NOT_RUNNING, new CountDownLatch(0), stream));
        assertEquals(2, err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("run: the Kafka Streams client stopped")).count());
    }

    @Test
    void anUnreadableOrWeakTokenIsRefusedWithOneLineBeforeAnythingStarts() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunCommand run = new RunCommand();
        run.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        Path weak = Files.createTempFile("token", ".txt");
        try {
            Files.writeString(weak, "tooshort\n");
            int missing = new CommandLine(run).execute("--bootstrap-servers", "127.0.0.1:1", "--http-token-file", "/no/such/token");
            int tooShort = new CommandLine(run).execute("--bootstrap-servers", "127.0.0.1:1", "--http-token-file", weak.toString());

            assertEquals(2, missing);
            assertEquals(2, tooShort);
            List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("run: cannot read the HTTP token file /no/such/token"), lines.get(0));
            assertTrue(lines.get(1).contains("at least 16 characters") && !lines.get(1).contains("tooshort"), lines.get(1));
        } finally {
            Files.deleteIfExists(weak);
        }
    }
}
