package org.claimscrubber.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.claim.ClaimJson;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.claim.UnreadableClaimException;
import org.claimscrubber.decision.DecisionJson;
import org.claimscrubber.decision.DecisionSummary;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.history.InMemoryHistory;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.reference.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code check}: the edit engine over a JSON Lines file, no Kafka, member history in memory. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run the edit engine over a JSON Lines file of ClaimSubmitted events; print one ClaimDecision per line.")
public final class CheckCommand implements Callable<Integer> {
    @Option(names = "--reference", paramLabel = "DIR", description = "Folder of CMS files (default: the shipped sample).")
    Path reference;

    @Option(names = "--claims", required = true, paramLabel = "FILE", description = "JSON Lines claim events.")
    Path claims;

    @Option(names = "--policies", paramLabel = "FILE", description = "Policy YAML (default: the shipped policy).")
    Path policies;

    @Option(names = "--provider-basis", defaultValue = "RENDERING",
            description = "Which NPI makes lines 'same provider': ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ProviderBasis providerBasis;

    @Option(names = "--quiet", description = "Do not print the summary on stderr.")
    boolean quiet;

    Clock clock = Clock.systemUTC();
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
        EditEngine engine;
        try {
            ReferenceData data = Setup.reference(reference);
            Policies rules = Setup.policies(policies);
            engine = new EditEngine(data, rules, providerBasis, clock);
        } catch (RuntimeException e) {
            err.println("check: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        if (!Files.isReadable(claims)) {
            err.println("check: cannot read " + claims);
            return Main.EXIT_USAGE;
        }
        DecisionSummary summary = new DecisionSummary();
        InMemoryHistory history = new InMemoryHistory();
        long started = System.nanoTime();
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try (BufferedReader reader = Files.newBufferedReader(claims, StandardCharsets.UTF_8);
             DecisionJson.LineWriter decisions = new DecisionJson.LineWriter(writer)) {
            long lineNumber = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                lineNumber++;
                if (text.isBlank()) {
                    continue;
                }
                Claim claim;
                try {
                    claim = ClaimJson.read(text);
                } catch (UnreadableClaimException e) {
                    summary.unreadable();
                    err.println(claims.getFileName() + ":" + lineNumber + ": unreadable event: " + e.getMessage());
                    continue;
                }
                EditEngine.Outcome outcome = history.apply(engine, claim);
                if (outcome.decision() == null) {
                    summary.redelivered();
                    continue;
                }
                summary.add(outcome.decision());
                decisions.write(outcome.decision());
            }
        }
        writer.flush();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!quiet) {
            err.print(summary.render("unreadable lines"));
            err.printf("%-34s %10.0f%n", "claims/s", summary.decisions() / Math.max(seconds, 1e-9));
        }
        return summary.unreadableCount() > 0 ? Main.EXIT_UNREADABLE : 0;
    }
}
