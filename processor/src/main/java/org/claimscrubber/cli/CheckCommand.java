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
import org.claimscrubber.reference.FeeSchedule;
import org.claimscrubber.reference.ReadReport;
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

    Clock clock = ProcessingClock.system();
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
        for (Path file : claims != null ? List.of(claims) : x12) {
            if (!Files.isReadable(file)) {
                err.println("check: cannot read " + file);
                return Main.EXIT_USAGE;
            }
        }
        if (!quiet) {
            printReference(engine.reference());
        }
        DecisionSummary summary = new DecisionSummary();
        Map<String, Decision> decided = new HashMap<>();
        InMemoryHistory history = new InMemoryHistory();
        long started = System.nanoTime();
        OutputStream writer = new BufferedOutputStream(out, 1 << 16);
        // Three stages on their own threads, in order: parse, judge (this thread: the history is not shared), write.
        BlockingQueue<Batch> parsed = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        BlockingQueue<List<Decision>> judged = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        ExecutorService stages = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "check-io");
            t.setDaemon(true);
            return t;
        });
        try (DecisionJson.LineWriter decisions = new DecisionJson.LineWriter(writer)) {
            Future<?> reading = stages.submit(() -> claims != null ? read(parsed) : readX12(parsed));
            Future<?> writing = stages.submit(() -> {
                for (List<Decision> batch = judged.take(); !batch.isEmpty(); batch = judged.take()) {
                    for (Decision d : batch) {
                        decisions.write(d);
                    }
                }
                return null;
            });
            try {
                for (Batch batch = parsed.take(); !batch.isEnd(); batch = parsed.take()) {
                    List<Decision> out = new ArrayList<>(batch.claims.size());
                    for (Object item : batch.claims) {
                        if (item instanceof String problem) {
                            summary.unreadable();
                            err.println(problem);
                            continue;
                        }
                        EditEngine.Outcome outcome = history.apply(engine, (Claim) item);
                        if (outcome.decision() == null) {
                            summary.redelivered();
                        } else {
                            summary.add(outcome.decision());
                            out.add(outcome.decision());
                            if (acks != null) {
                                decided.put(outcome.decision().eventId(), outcome.decision());
                            }
                        }
                    }
                    if (!out.isEmpty()) { // an empty list is the writer's end marker
                        put(judged, out, writing);
                    }
                }
            } finally {
                put(judged, List.of(), writing);
            }
            finish(reading);
            finish(writing);
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

    /** One line per file read, and per fee-schedule release its rows by status code. */
    private void printReference(ReferenceData data) {
        for (ReadReport report : data.reports()) {
            err.println("reference " + report);
        }
        for (FeeSchedule.Release release : data.fees().releases().values()) {
            StringBuilder line = new StringBuilder("fee schedule " + release.effective() + " rows by status:");
            release.rowsByStatus().forEach((status, rows) -> line.append(line.charAt(line.length() - 1) == ':' ? " " : ", ")
                    .append(status).append(' ').append(rows));
            err.println(line);
        }
    }

    private static final int BATCH = 256;
    private static final int QUEUED_BATCHES = 16;

    /** Parsed events in file order: a {@link Claim}, or the message for an unreadable line. */
    private record Batch(List<Object> claims) {
        static final Batch END = new Batch(List.of());

        boolean isEnd() {
            return claims.isEmpty();
        }
    }

    private Void read(BlockingQueue<Batch> parsed) throws IOException, InterruptedException {
        try (InputStream in = Files.newInputStream(claims)) {
            ByteLines lines = new ByteLines(in, 1 << 16);
            List<Object> batch = new ArrayList<>(BATCH);
            long lineNumber = 0;
            while (lines.next()) {
                lineNumber++;
                if (blank(lines.bytes(), lines.start(), lines.length())) {
                    continue;
                }
                try {
                    batch.add(ClaimJson.read(lines.bytes(), lines.start(), lines.length()));
                } catch (UnreadableClaimException e) {
                    batch.add(claims.getFileName() + ":" + lineNumber + ": unreadable event: " + e.getMessage());
                }
                if (batch.size() == BATCH) {
                    parsed.put(new Batch(batch));
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                parsed.put(new Batch(batch));
            }
        } finally {
            parsed.put(Batch.END);
        }
        return null;
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
    private Void readX12(BlockingQueue<Batch> parsed) throws IOException, InterruptedException {
        try {
            List<Object> batch = new ArrayList<>(BATCH);
            for (Path file : x12) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    X12Reader.read(in, interchange -> {
                        if (!interchange.accepted()) {
                            batch.add(X12Messages.rejected(file.getFileName().toString(), interchange));
                        } else {
                            for (MappedClaim c : interchange.claims()) {
                                batch.add(AvroMapping.claim(c.event()));
                            }
                        }
                        if (batch.size() >= BATCH) {
                            putUninterruptibly(parsed, new Batch(new ArrayList<>(batch)));
                            batch.clear();
                        }
                    });
                } catch (X12Exception e) {
                    batch.add(file.getFileName() + ": segment " + e.segmentPosition() + ": " + e.getMessage());
                }
            }
            if (!batch.isEmpty()) {
                parsed.put(new Batch(batch));
            }
        } finally {
            parsed.put(Batch.END);
        }
        return null;
    }

    private static void putUninterruptibly(BlockingQueue<Batch> queue, Batch batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Hands a batch to the writer, giving up when the writer has failed (its failure is reported by finish). */
    private static void put(BlockingQueue<List<Decision>> queue, List<Decision> batch, Future<?> writer) throws IOException {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (writer.isDone()) {
                    finish(writer);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
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
