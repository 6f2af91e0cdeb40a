package org.claimscrubber.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit status 1 for a runtime failure (nothing answers), 2 for bad arguments and unusable data. */
class ExitStatusTest {
    @TempDir
    Path dir;

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static MainRun execute(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(45), () -> MainRun.of(args));
    }

    /** Contracts §7: bad arguments exit 2 "with a one-line reason on stderr" (not picocli's reason and the usage text). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"check --claims c.jsonl --bogus", "check --threads abc", "generate --count abc",
            "generate --count 5 extra", "check --claims a --claims b", "nosuchcommand", ""})
    void badArgumentsAreOneLineAndExitTwo(String line) {
        MainRun run = execute(line.isEmpty() ? new String[0] : line.split(" "));

        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aMistypedCommandGetsPicoclisSuggestionOnTheSameLine() {
        MainRun run = execute("chek", "--claims", "c.jsonl");

        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("did you mean check"), run.err());
    }

    @Test
    void loadPoliciesWithAMissingFileSaysSoBeforeReachingForTheCluster() throws Exception {
        MainRun run = execute("load-policies", "--bootstrap-servers", "127.0.0.1:" + closedPort(), "--file", dir.resolve("gone.yaml").toString());

        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().startsWith("load-policies: " + dir.resolve("gone.yaml") + ": no such file"), run.err());
    }

    @Test
    void aMissingPolicyFileSaysSo() throws Exception {
        Path claims = Files.writeString(dir.resolve("c.jsonl"), "");

        MainRun run = execute("check", "--claims", claims.toString(), "--policies", dir.resolve("gone.yaml").toString());

        assertEquals(2, run.exit(), run.err());
        assertEquals(List.of("check: " + dir.resolve("gone.yaml") + ": no such file"), run.err().lines().toList());
    }

    @Test
    void registerSchemasWhenTheRegistryCannotBeReachedExitsOne() throws Exception {
        MainRun run = execute("register-schemas", "--schema-registry-url", "http://127.0.0.1:" + closedPort());

        assertEquals(1, run.exit(), run.err());
    }

    @Test
    void resetWhenTheBrokerCannotBeReachedExitsOneWithTheFailure() throws Exception {
        Path config = Files.writeString(dir.resolve("short.properties"),
                "default.api.timeout.ms=3000\nrequest.timeout.ms=1000\nstate.dir=" + dir.resolve("state") + "\n");

        MainRun run = execute("reset", "--bootstrap-servers", "127.0.0.1:" + closedPort(), "--config", config.toString(), "--yes");

        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.startsWith("reset: reset failed")), run.err());
    }

    @Test
    void anUnreadableConfigFileStaysABadArgument() {
        MainRun run = execute("register-schemas", "--config", dir.resolve("missing.properties").toString());

        assertEquals(2, run.exit(), run.err());
    }

    @Test
    void aMissingInputFileStaysABadArgument() {
        MainRun run = execute("compare", "--expected", dir.resolve("missing.jsonl").toString(), "--actual", dir.resolve("missing.jsonl").toString());

        assertEquals(2, run.exit(), run.err());
    }

    /** A folder named as an input file is a bad argument, found before anything is done (produce does not reach for the cluster). */
    @Test
    void aFolderNamedAsAnInputFileIsABadArgument() throws Exception {
        MainRun produce = execute("produce", "--claims", dir.toString(), "--bootstrap-servers", "127.0.0.1:" + closedPort());
        MainRun check = execute("check", "--x12", dir.toString());
        MainRun compare = execute("compare", "--expected", dir.toString(), "--actual", dir.toString());

        for (MainRun run : List.of(produce, check, compare)) {
            assertEquals(2, run.exit(), run.err());
            assertTrue(run.err().strip().endsWith("cannot read " + dir + ": it is a folder"), run.err());
        }
    }

    @Test
    void aFailureIsReportedOnOneLineNamingTheCommandAndTheCauseWithoutAStackTrace() {
        MainRun run = execute("compare", "--expected", dir.resolve("missing.jsonl").toString(), "--actual", dir.resolve("missing.jsonl").toString());

        List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).startsWith("compare: ") && lines.get(0).contains("missing.jsonl"), lines.get(0));
    }
}
