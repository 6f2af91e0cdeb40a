package org.claimscrubber.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.claimscrubber.generate.ClaimGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate}: a deterministic JSON Lines claim stream for demos, tests and benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a realistic JSON Lines claim stream (clean claims plus a share of each error kind) to stdout.")
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--count", required = true, description = "Number of events.")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed gives the same bytes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--error-rate", defaultValue = "0.15",
            description = "Share of scenarios that carry an error, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double errorRate;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (count < 0 || errorRate < 0 || errorRate > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be 0 or more and --error-rate between 0 and 1");
        }
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        new ClaimGenerator(seed, errorRate).write(count, writer);
        writer.flush();
        return 0;
    }
}
