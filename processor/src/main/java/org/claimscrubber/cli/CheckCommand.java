package org.claimscrubber.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.claim.ClaimJson;
import org.claimscrubber.claim.UnreadableClaimException;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.DecisionJson;
import org.claimscrubber.decision.DecisionSummary;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.edits.InMemoryHistory;
import org.claimscrubber.history.HistoryKey;
import org.claimscrubber.reference.FeeSchedule;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.stream.AvroMapping;
import org.claimscrubber.x12.Acknowledgements;
import org.claimscrubber.x12.MappedClaim;
import org.claimscrubber.x12.X12Exception;
import org.claimscrubber.x12.X12Messages;
import org.claimscrubber.x12.X12Reader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code check}: the edit engine over a JSON Lines file, no Kafka, member history in memory. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run the edit engine over a JSON Lines file of ClaimSubmitted events (or 837P files); print one ClaimDecision per line.")
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--claims", paramLabel = "FILE", description = "JSON Lines claim events.")
    Path claims;

    @Option(names = "--x12", paramLabel = "FILE", arity = "1..*",
            description = "837P (005010X222A1) files instead of --claims; a rejected interchange is reported on stderr and not judged.")
    List<Path> x12;

    @Option(names = "--acks", paramLabel = "DIR",
            description = "With --x12: write each interchange's 999 (and, when it is accepted, its 277CA) into DIR.")
    Path acks;

    @Option(names = "--quiet", description = "Do not print the summary on stderr.")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "N",
            description = "Judging threads (default: the processors, at most 4). Claims are split by member, each member's in file order,"
                    + " so the decisions are the same for any N.")
    Integer threads;

    Clock clock = ProcessingClock.system();
    /** Opens an input file (tests put a failing stream here). */
    Opener open = Files::newInputStream;
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws IOException, InterruptedException {
        EditEngine engine;
        try {
            engine = engineOptions.engine(Setup.reference(engineOptions.reference), clock);
        } catch (RuntimeException e) {
            err.println("check: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        if ((claims == null) == (x12 == null)) {
            err.println("check: give either --claims FILE or --x12 FILE...");
            return Main.EXIT_USAGE;
        }
        if (!Setup.readable("check", claims != null ? List.of(claims) : x12, err)) {
            return Main.EXIT_USAGE;
        }
        int judges = threads != null ? threads : Math.min(Runtime.getRuntime().availableProcessors(), 4);
        if (judges < 1 || judges > MOST_THREADS) {
            err.println("check: --threads must be 1 to " + MOST_THREADS);
            return Main.EXIT_USAGE;
        }
        Setup.printReports("check", engine.reference(), quiet, err);
        if (!quiet) {
            printReference(engine.reference());
        }
        DecisionSummary summary = new DecisionSummary();
        Map<String, Decision> decided = new HashMap<>();
        long started = System.nanoTime();
        OutputStream writer = new BufferedOutputStream(out, 1 << 16);
        // Stages on their own threads: parse; judge, split by history key (a member's claims always meet the same judge and
        // its history, in file order, so any number of judges gives the same decisions); write, here, in file order.
        BlockingQueue<Batch> ordered = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        List<BlockingQueue<Batch>> toJudges = new ArrayList<>();
        ExecutorService stages = Executors.newFixedThreadPool(1 + judges, r -> {
            Thread t = new Thread(r, "check-stage");
            t.setDaemon(true);
            return t;
        });
        try (DecisionJson.LineWriter decisions = new DecisionJson.LineWriter(writer)) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < judges; i++) {
                BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
                toJudges.add(queue);
                int judge = i;
                running.add(stages.submit(() -> judge(engine, judge, queue)));
            }
            Sink sink = batch -> {
                ordered.put(batch);
                for (BlockingQueue<Batch> queue : toJudges) {
                    queue.put(batch);
                }
            };
            running.add(stages.submit(() -> claims != null ? read(sink, judges) : readX12(sink, judges)));
            for (Batch batch = take(ordered); !batch.isEnd(); batch = take(ordered)) {
                await(batch);
                for (int i = 0; i < batch.items.size(); i++) {
                    Object item = batch.items.get(i);
                    if (item instanceof String problem) {
                        summary.unreadable();
                        err.println(problem);
                        continue;
                    }
                    if (batch.failure != null && i >= batch.failedAt) {
                        throw batch.failure; // every decision before the failing claim is written, as one thread would have
                    }
                    Decision decision = batch.decisions[i];
                    if (decision == null) {
                        summary.redelivered();
                        continue;
                    }
                    summary.add(decision);
                    decisions.write(decision);
                    if (acks != null) {
                        decided.put(decision.eventId(), decision);
                    }
                }
            }
            for (Future<?> stage : running) {
                finish(stage);
            }
        } finally {
            stages.shutdownNow();
        }
        writer.flush();
        if (acks != null && x12 != null) {
            writeAcks(decided);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!quiet) {
            err.print(summary.render("unreadable lines"));
            err.printf("%-34s %10.0f%n", "claims/s", summary.decisions() / Math.max(seconds, 1e-9));
        }
        return summary.unreadableCount() > 0 ? Main.EXIT_UNREADABLE : 0;
    }

    /** A second pass over the 837P files: per interchange {@code <file>.<ISA13>.999} and, if accepted, {@code .277}. */
    private void writeAcks(Map<String, Decision> decided) throws IOException {
        Files.createDirectories(acks);
        Instant now = clock.instant();
        for (Path file : x12) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                X12Reader.read(in, interchange -> {
                    String base = file.getFileName() + "." + interchange.controlNumber();
                    try {
                        Files.write(acks.resolve(base + ".999"), Acknowledgements.implementationAck(interchange, now));
                        if (interchange.accepted()) {
                            Files.write(acks.resolve(base + ".277"), Acknowledgements.claimAck(interchange, decided::get, now));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (X12Exception e) {
                // reported by the first pass; bytes that are not X12 have no sender to answer
            }
        }
    }

    /** Per fee-schedule release, its rows by status code. */
    private void printReference(ReferenceData data) {
        for (FeeSchedule.Release release : data.fees().releases().values()) {
            StringBuilder line = new StringBuilder("fee schedule " + release.effective() + " rows by status:");
            release.rowsByStatus().forEach((status, rows) -> line.append(line.charAt(line.length() - 1) == ':' ? " " : ", ")
                    .append(status).append(' ').append(rows));
            err.println(line);
        }
    }

    private static final int BATCH = 256;
    private static final int QUEUED_BATCHES = 16;
    private static final int MOST_THREADS = 64;

    /**
     * Parsed events in file order (a {@link Claim}, or the message for an unreadable line), each with the judge its
     * history key belongs to; the judges fill in the decisions (null for a redelivery) and count down when done.
     */
    private static final class Batch {
        static final Batch END = new Batch(List.of(), new int[0], 0);

        final List<Object> items;
        final int[] judge;
        final Decision[] decisions;
        final CountDownLatch judged;
        /** The first failure of a judge in this batch (the engine never throws on a claim; a bug would) and its item. */
        volatile RuntimeException failure;
        volatile int failedAt = Integer.MAX_VALUE;

        Batch(List<Object> items, int[] judge, int judges) {
            this.items = items;
            this.judge = judge;
            this.decisions = new Decision[items.size()];
            this.judged = new CountDownLatch(judges);
        }

        boolean isEnd() {
            return items.isEmpty();
        }

        /** Records a judge's failure at an item; of several judges' failures the earliest in file order wins. */
        synchronized void fail(int at, RuntimeException e) {
            if (at < failedAt) {
                failedAt = at;
                failure = e;
            }
        }

        /** A batch of the items, each assigned to one of {@code judges} by its history key. */
        static Batch of(List<Object> items, int judges) {
            int[] judge = new int[items.size()];
            for (int i = 0; i < judge.length; i++) {
                judge[i] = items.get(i) instanceof Claim c ? Math.floorMod(HistoryKey.of(c).hashCode(), judges) : -1;
            }
            return new Batch(items, judge, judges);
        }
    }

    /** Where the reader hands each batch: to the writer's queue, in order, and to every judge. */
    private interface Sink {
        void put(Batch batch) throws InterruptedException;
    }

    /**
     * One judge: the claims of every batch assigned to it, against its own share of the member histories. After a
     * failure it judges nothing more but still counts down, so the writer reaches the failure in file order.
     */
    private static Void judge(EditEngine engine, int judge, BlockingQueue<Batch> queue) throws InterruptedException {
        InMemoryHistory history = new InMemoryHistory();
        boolean failed = false;
        for (Batch batch = queue.take(); !batch.isEnd(); batch = queue.take()) {
            for (int i = 0; i < batch.judge.length && !failed; i++) {
                if (batch.judge[i] == judge) {
                    try {
                        batch.decisions[i] = history.apply(engine, (Claim) batch.items.get(i)).decision();
                    } catch (RuntimeException | Error e) {
                        failed = true;
                        batch.fail(i, e instanceof RuntimeException re ? re : new IllegalStateException(e));
                    }
                }
            }
            if (failed && batch.failure == null) {
                batch.fail(0, new IllegalStateException("a judge failed on an earlier batch"));
            }
            batch.judged.countDown();
        }
        return null;
    }

    private static Batch take(BlockingQueue<Batch> queue) throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void await(Batch batch) throws IOException {
        try {
            batch.judged.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private Void read(Sink parsed, int judges) throws IOException, InterruptedException {
        return reading(parsed, judges, batches -> {
            long lineNumber = 0;
            try (InputStream in = open.open(claims)) {
                ByteLines lines = new ByteLines(in, 1 << 16);
                while (lines.next()) {
                    lineNumber++;
                    if (blank(lines.bytes(), lines.start(), lines.length())) {
                        continue;
                    }
                    try {
                        batches.add(ClaimJson.read(lines.bytes(), lines.start(), lines.length()));
                    } catch (UnreadableClaimException e) {
                        batches.add(claims.getFileName() + ":" + lineNumber + ": unreadable event: " + e.getMessage());
                    }
                }
            } catch (IOException e) {
                throw new IOException(claims.getFileName() + ": reading failed after line " + lineNumber + ": " + e.getMessage(), e);
            }
        });
    }

    /** How an input file is opened. */
    interface Opener {
        InputStream open(Path file) throws IOException;
    }

    /** What a reading stage parses, handed to {@link Batches} in file order. */
    private interface Parse {
        void into(Batches batches) throws IOException, InterruptedException;
    }

    /**
     * A reading stage: what it parses goes to the judges and the writer in batches, then the rest and the end marker
     * (none when the stage is interrupted: check is giving up, nobody would take it, and put would block). When reading
     * fails, what was parsed before the failure is still judged and written, then check fails.
     */
    private static Void reading(Sink parsed, int judges, Parse parse) throws IOException, InterruptedException {
        Batches batches = new Batches(parsed, judges);
        try {
            try {
                parse.into(batches);
            } catch (IOException | RuntimeException e) {
                try {
                    batches.flush();
                } catch (InterruptedException interrupted) {
                    interrupted.addSuppressed(e);
                    throw interrupted;
                }
                throw e;
            }
            batches.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        } finally {
            if (!Thread.currentThread().isInterrupted()) {
                parsed.put(Batch.END);
            }
        }
        return null;
    }

    /** Parsed items (a {@link Claim}, or the message for an unreadable one) gathered into batches of {@link #BATCH}. */
    private static final class Batches {
        private final Sink parsed;
        private final int judges;
        private List<Object> items = new ArrayList<>(BATCH);

        Batches(Sink parsed, int judges) {
            this.parsed = parsed;
            this.judges = judges;
        }

        void add(Object item) throws InterruptedException {
            items.add(item);
            if (items.size() == BATCH) {
                flush();
            }
        }

        void flush() throws InterruptedException {
            if (!items.isEmpty()) {
                parsed.put(Batch.of(items, judges));
                items = new ArrayList<>(BATCH);
            }
        }
    }

    /** {@link String#isBlank} of the line's UTF-8 text, decoding only a line that has non-ASCII bytes and nothing else. */
    private static boolean blank(byte[] bytes, int start, int length) {
        boolean ascii = true;
        for (int i = start; i < start + length; i++) {
            byte b = bytes[i];
            if (b < 0) {
                ascii = false;
            } else if (b != ' ' && (b < 9 || b > 13) && (b < 28 || b > 31)) {
                return false;
            }
        }
        return ascii || new String(bytes, start, length, StandardCharsets.UTF_8).isBlank();
    }

    /** The claims of every accepted interchange of the --x12 files, in file order; each rejection is one "unreadable" message. */
    private Void readX12(Sink parsed, int judges) throws IOException, InterruptedException {
        return reading(parsed, judges, batches -> {
            for (Path file : x12) {
                try (InputStream in = new BufferedInputStream(open.open(file), 1 << 16)) {
                    X12Reader.read(in, interchange -> {
                        if (!interchange.accepted()) {
                            addUninterruptibly(batches, X12Messages.rejected(file.getFileName().toString(), interchange));
                        } else {
                            for (MappedClaim c : interchange.claims()) {
                                addUninterruptibly(batches, AvroMapping.claim(c.event()));
                            }
                        }
                    });
                } catch (X12Exception e) {
                    batches.add(file.getFileName() + ": segment " + e.segmentPosition() + ": " + e.getMessage());
                } catch (IOException e) {
                    throw new IOException(file.getFileName() + ": reading failed: " + e.getMessage(), e);
                } catch (UncheckedIOException e) {
                    throw new IOException(file.getFileName() + ": reading failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        });
    }

    /** For X12Reader's callback, which cannot throw InterruptedException: the interrupt is kept and the stage gives up. */
    private static void addUninterruptibly(Batches batches, Object item) {
        try {
            batches.add(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void finish(Future<?> stage) throws IOException {
        try {
            stage.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
    }
}
