package org.claimscrubber.cli;

import java.io.BufferedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.claimscrubber.decision.DecisionJson;
import org.claimscrubber.stream.DecisionReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code consume}: writes the decisions of both output topics as JSON Lines, in the same shape as {@code check}. */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Write decisions from claims.accepted and claims.flagged as JSON Lines.")
public final class ConsumeCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(names = "--until-idle", paramLabel = "SECONDS", description = "Stop after this many seconds without a decision (default: run until killed).")
    Integer untilIdle;

    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        long count = 0;
        try (DecisionReader reader = new DecisionReader(kafka.config());
             BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             DecisionJson.LineWriter lines = new DecisionJson.LineWriter(writer)) {
            long last = System.nanoTime();
            while (untilIdle == null || System.nanoTime() - last < Duration.ofSeconds(untilIdle).toNanos()) {
                int n = reader.poll(Duration.ofMillis(500), lines::write);
                if (n > 0) {
                    count += n;
                    last = System.nanoTime();
                    lines.flush();
                }
            }
        }
        err.println("wrote " + count + " decisions to " + out);
        return 0;
    }
}
