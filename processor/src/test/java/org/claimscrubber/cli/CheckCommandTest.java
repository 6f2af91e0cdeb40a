package org.claimscrubber.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimscrubber.Scrubber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CheckCommandTest {
    private static final Path GOLDEN = Path.of("processor/src/test/resources/golden");

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run check(String... args) {
        return check(Scrubber.FIXED, args);
    }

    static Run check(java.time.Clock clock, String... args) {
        return check(new CheckCommand(), clock, args);
    }

    static Run check(CheckCommand command, java.time.Clock clock, String... args) {
        command.clock = clock;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(command).setErr(new java.io.PrintWriter(command.err, true)).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The checked-in stream ({@code generate --count 400 --seed 11 --error-rate 0.5}) must give exactly the
     * checked-in decisions. After a deliberate change, regenerate with {@code -Dgolden.update=true} and review the diff.
     */
    @Test
    void decisionsOnTheGoldenStreamAreUnchanged() throws IOException {
        Run run = check("--claims", GOLDEN.resolve("claims.jsonl").toString(), "--quiet");
        Path expected = GOLDEN.resolve("decisions.jsonl");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, run.out());
        }

        assertEquals(0, run.exit(), run.err());
        List<String> want = Files.readAllLines(expected);
        List<String> got = run.out().lines().toList();
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            assertEquals(want.get(i), got.get(i), "decision " + (i + 1));
        }
        assertEquals(want.size(), got.size());
    }

    /**
     * The judges split the claims by member: each member's claims meet one judge and its history in file order, so
     * any number of judges gives the golden decisions, in file order (the golden stream's duplicates, voids,
     * replacements and frequency limits need the member's earlier claims).
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void anyNumberOfJudgesGivesTheGoldenDecisions(int threads) throws IOException {
        Run run = check("--claims", GOLDEN.resolve("claims.jsonl").toString(), "--quiet", "--threads", Integer.toString(threads));

        assertEquals(0, run.exit(), run.err());
        assertEquals(Files.readAllLines(GOLDEN.resolve("decisions.jsonl")), run.out().lines().toList());
    }

    /**
     * A judge that fails (here its clock breaks after some claims; the engine itself never throws on a claim) stops
     * check with a failure, after every decision before the failing claim has been written in order, as one thread
     * would: no hang, no gap. The clock counts its reads per thread, so each judge breaks at the same claim of its own
     * share whatever the interleaving of the judges (a count shared by all judges let one judge that ran ahead use up the
     * reads and another break at a claim near the start: a flaky test); 600 reads in all put the break past the first
     * batch of 256 lines.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aFailingJudgeStopsCheckAfterTheDecisionsBeforeIt(int threads) {
        ThreadLocal<int[]> reads = ThreadLocal.withInitial(() -> new int[1]);
        java.time.Clock breaking = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return Scrubber.FIXED.getZone();
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                if (++reads.get()[0] > 600 / threads) {
                    throw new IllegalStateException("the clock broke");
                }
                return Scrubber.FIXED.instant();
            }
        };

        Run run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> check(breaking, "--claims", GOLDEN.resolve("claims.jsonl").toString(), "--quiet", "--threads", Integer.toString(threads)));

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("the clock broke"), run.err());
        List<String> want;
        try {
            want = Files.readAllLines(GOLDEN.resolve("decisions.jsonl"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> got = run.out().lines().toList();
        assertTrue(got.size() > 200 && got.size() < want.size(), got.size() + " decisions written");
        assertEquals(want.subList(0, got.size()), got);
    }

    /**
     * Reading that fails mid-file (a disk or network share going away) stops check with a failure naming the file and
     * the last line read, after the decisions of every line read before it: those of a run over just those lines.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aReadFailureStopsCheckAfterTheDecisionsOfTheLinesReadBeforeIt(int threads) throws IOException {
        List<String> claims = Files.readAllLines(GOLDEN.resolve("claims.jsonl"));
        byte[] head = (String.join("\n", claims.subList(0, 300)) + "\n").getBytes(StandardCharsets.UTF_8);
        Path headFile = dir.resolve("first-300.jsonl");
        Files.write(headFile, head);
        Run want = check("--claims", headFile.toString(), "--quiet");

        CheckCommand command = new CheckCommand();
        command.open = file -> new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), new java.io.InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("the share went away");
            }
        });
        Run run = check(command, Scrubber.FIXED, "--claims", GOLDEN.resolve("claims.jsonl").toString(), "--quiet", "--threads",
                Integer.toString(threads));

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("claims.jsonl: reading failed after line 300: the share went away"), run.err());
        assertEquals(0, want.exit(), want.err());
        assertTrue(want.out().lines().count() > 256, "more than one batch");
        assertEquals(want.out(), run.out());
    }

    /** Contracts §5: a reference row that cannot be read is counted and reported with file and line number; the rest is used. */
    @Test
    void aReferenceRowThatCannotBeReadIsReportedWithItsFileAndLine() throws IOException {
        Path reference = dir.resolve("reference");
        Files.createDirectories(reference);
        try (var files = Files.list(Path.of("engine/src/main/resources/sample-reference"))) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("index.txt")).toList()) {
                Files.copy(file, reference.resolve(file.getFileName()));
            }
        }
        Path fees = reference.resolve("PPRRVU2026_Jan_nonQPP.csv");
        List<String> rows = Files.readAllLines(fees, StandardCharsets.ISO_8859_1);
        int line = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).startsWith("99213,")) {
                rows.set(i, rows.get(i).replace(",1.30,1.32,", ",x.yz,1.32,"));
                line = i + 1;
            }
        }
        Files.write(fees, rows, StandardCharsets.ISO_8859_1);

        Run run = check("--reference", reference.toString(), "--claims", GOLDEN.resolve("claims.jsonl").toString(), "--quiet");

        assertEquals(0, run.exit(), run.err());
        List<String> reported = run.err().lines().filter(l -> l.startsWith("check: PPRRVU2026_Jan_nonQPP.csv:")).toList();
        assertEquals(1, reported.size(), run.err());
        assertTrue(reported.get(0).startsWith("check: PPRRVU2026_Jan_nonQPP.csv:" + line + ": "), reported.get(0));
        assertTrue(run.out().lines().count() > 300, "the other rows are used");
    }

    /** An X12 file that cannot be read to its end is one line naming the file (exit 1), not a rejected interchange. */
    @Test
    void anX12ReadFailureNamesTheFile() throws IOException {
        Path file = dir.resolve("batch-7.x12");
        Files.writeString(file, "ISA*00*");
        CheckCommand command = new CheckCommand();
        command.open = f -> new java.io.InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("the share went away");
            }
        };

        Run run = check(command, Scrubber.FIXED, "--x12", file.toString(), "--quiet");

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("batch-7.x12: reading failed: the share went away"), run.err());
        assertEquals("", run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65"})
    void aNumberOfJudgesOutside1To64IsAUsageError(String threads) {
        Run run = check("--claims", GOLDEN.resolve("claims.jsonl").toString(), "--threads", threads);

        assertEquals(Main.EXIT_USAGE, run.exit());
        assertTrue(run.err().contains("--threads must be 1 to 64"), run.err());
        assertEquals("", run.out());
    }

    /** check works in batches of lines: a whole batch with no decision (here 600 unreadable lines) must not end the output. */
    @Test
    void aLongRunOfLinesWithoutDecisionsDoesNotStopTheOutput() throws IOException {
        List<String> golden = Files.readAllLines(GOLDEN.resolve("claims.jsonl"));
        List<String> lines = new java.util.ArrayList<>(java.util.Collections.nCopies(600, "{not json"));
        lines.addAll(golden);
        Path file = dir.resolve("bad-then-good.jsonl");
        Files.write(file, lines);

        Run run = check("--claims", file.toString(), "--quiet");

        assertEquals(3, run.exit());
        assertEquals(Files.readAllLines(GOLDEN.resolve("decisions.jsonl")), run.out().lines().toList());
        assertEquals(600, run.err().lines().filter(l -> l.contains("unreadable event")).count());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void unreadableLinesAreReportedInOrderWithTheirNumberAndTheRestIsProcessed(int threads) throws IOException {
        List<String> events = Files.readAllLines(GOLDEN.resolve("claims.jsonl")).subList(0, 3);
        Path claims = dir.resolve("claims.jsonl");
        Files.write(claims, List.of(events.get(0), "{not json", events.get(1), "", "{\"eventId\":\"x\"}", events.get(2)));

        Run run = check("--claims", claims.toString(), "--quiet", "--threads", Integer.toString(threads));

        assertEquals(3, run.exit());
        assertEquals(Files.readAllLines(GOLDEN.resolve("decisions.jsonl")).subList(0, 3), run.out().lines().toList());
        List<String> reported = run.err().lines().toList();
        assertEquals(2, reported.size(), run.err());
        assertTrue(reported.get(0).startsWith("claims.jsonl:2: unreadable event: not JSON"), run.err());
        assertTrue(reported.get(1).startsWith("claims.jsonl:5: unreadable event: claimId is missing"), run.err());
    }

    @Test
    void unusableReferenceOrMissingFileExitsTwoWithOneLine() throws IOException {
        Files.writeString(dir.resolve("ccipra-v320r0-f1.txt"), "nothing useful\r\n");
        Path claims = dir.resolve("c.jsonl");
        Files.writeString(claims, "");

        Run badReference = check("--reference", dir.toString(), "--claims", claims.toString());
        Run noFile = check("--claims", dir.resolve("absent.jsonl").toString());
        Run folder = check("--claims", dir.toString());
        Run badPolicy = check("--claims", claims.toString(), "--policies", claims.toString());

        assertEquals(2, badReference.exit());
        assertEquals(1, badReference.err().lines().count(), badReference.err());
        assertTrue(badReference.err().contains("ccipra-v320r0-f1.txt"), badReference.err());
        assertEquals(2, noFile.exit());
        assertEquals(2, folder.exit());
        assertEquals(List.of("check: cannot read " + dir + ": it is a folder"), folder.err().lines().toList());
        assertEquals(2, badPolicy.exit());
    }

    @Test
    void theSummaryTellsWhatTheReferenceHeldWithFeeScheduleRowsByStatus() throws IOException {
        Path claims = dir.resolve("c.jsonl");
        Files.writeString(claims, "");

        Run run = check("--claims", claims.toString());

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("reference PPRRVU2026_Jan_nonQPP.csv: 52 rows"), run.err());
        assertTrue(run.err().contains("fee schedule 2026-01-01 rows by status: A 40, B 1, C 1, E 2, I 1, N 1, P 1, R 1, T 1, X 3"),
                run.err());
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        assertEquals(2, Main.commandLine().execute("check"));
    }
}
