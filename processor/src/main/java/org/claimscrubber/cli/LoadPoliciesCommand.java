package org.claimscrubber.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.stream.PolicyPublisher;
import org.claimscrubber.stream.PublishException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code load-policies}: checks a policy file and publishes it to {@code reference.policies}, where running processors
 * (reading the reference topics) put it in force without a restart. Exit 2 when the file cannot be used (one line, with
 * the line number where there is one), 1 when the cluster refuses or cannot be reached.
 */
@Command(name = "load-policies", mixinStandardHelpOptions = true,
        description = "Check a policy file (payer sections included) and publish it to reference.policies.")
public final class LoadPoliciesCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--file", paramLabel = "FILE", required = true, description = "The policy YAML.")
    Path file;

    PrintStream err = System.err;

    @Override
    public Integer call() {
        try {
            Policies sent = new PolicyPublisher(kafka.config()).publish(file);
            err.println("load-policies: " + file + " sent to reference.policies (" + sent.all().size() + " policies, "
                    + sent.payers().size() + " payer sections)");
            return 0;
        } catch (Policies.PolicyException e) {
            err.println("load-policies: " + e.getMessage() + " (nothing was sent; the policies in force are unchanged)");
            return Main.EXIT_USAGE;
        } catch (PublishException e) {
            err.println("load-policies: " + e.getMessage());
            return Main.EXIT_FAILURE;
        }
    }
}
