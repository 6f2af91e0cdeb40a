package org.claimscrubber.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.claimscrubber.generate.ClaimGenerator;
import org.claimscrubber.stream.ClaimEvents;
import org.claimscrubber.x12.ClaimX12Writer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate}: a deterministic JSON Lines claim stream for demos, tests and benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a realistic claim stream (clean claims plus a share of each error kind) to stdout, as JSON Lines or 837P.")
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--count", required = true, description = "Number of events.")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed gives the same bytes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--error-rate", defaultValue = "0.15",
            description = "Share of scenarios that carry an error, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double errorRate;

    @Option(names = "--format", defaultValue = "json",
            description = "json (JSON Lines) or x12 (837P 005010X222A1, one claim per transaction set) (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--claims-per-interchange", defaultValue = "1000",
            description = "With --format x12: claims per interchange, 1 to 9999 (default: ${DEFAULT-VALUE}).")
    int claimsPerInterchange;

    @Option(names = "--x12-expressible",
            description = "With --format json: leave out the events X12 cannot carry, so the stream holds the claims of --format x12.")
    boolean x12Expressible;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PrintStream out = System.out;
    PrintStream err = System.err;

    /** The generated events as 837P; the events X12 cannot carry are counted on stderr. */
    private int writeX12() {
        if (claimsPerInterchange < 1 || claimsPerInterchange > 9999) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--claims-per-interchange must be 1 to 9999");
        }
        BufferedOutputStream bytes = new BufferedOutputStream(out, 1 << 16);
        try (ClaimX12Writer x12 = new ClaimX12Writer(bytes, claimsPerInterchange, "CLAIMSCRUBGEN");
             JsonLineSink lines = new JsonLineSink(line -> x12.write(ClaimEvents.fromJson(line)))) {
            new ClaimGenerator(seed, errorRate).write(count, lines);
            lines.close();
            if (x12.skipped() > 0) {
                err.println("generate: " + x12.skipped() + " events left out: X12 cannot carry them (a line with more than 4 modifiers, a value holding an X12 delimiter, a submittedAt that BHT04/05 cannot hold)");
            }
        }
        return 0;
    }

    @Override
    public Integer call() throws Exception {
        if (count < 0 || errorRate < 0 || errorRate > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be 0 or more and --error-rate between 0 and 1");
        }
        if (!format.equals("json") && !format.equals("x12")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format must be json or x12");
        }
        if (format.equals("x12")) {
            return writeX12();
        }
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        if (x12Expressible) {
            Writer json = writer;
            writer = new JsonLineSink(line -> {
                if (ClaimX12Writer.inexpressible(ClaimEvents.fromJson(line)) == null) {
                    try {
                        json.write(line);
                        json.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            new ClaimGenerator(seed, errorRate).write(count, writer);
            writer.close();
            json.flush();
            return 0;
        }
        new ClaimGenerator(seed, errorRate).write(count, writer);
        writer.flush();
        return 0;
    }
}
