package org.claimscrubber.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.claimscrubber.ops.DlqReplay;
import org.claimscrubber.stream.PublishException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code replay-dlq}: re-publish dead letters to the input topic after a fix. */
@Command(name = "replay-dlq", mixinStandardHelpOptions = true,
        description = "Re-publish claims.dlq records (original bytes, error headers dropped) to claims.submitted.")
public final class ReplayDlqCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--exception", paramLabel = "CLASS", description = "Only records whose exception class contains this text.")
    String exception;

    @Option(names = "--dry-run", description = "List what would be replayed; move nothing.")
    boolean dryRun;

    PrintStream out = System.out;

    PrintStream err = System.err;

    @Override
    public Integer call() {
        try {
            new DlqReplay(kafka.config(), out).replay(exception, dryRun);
            return 0;
        } catch (PublishException e) {
            err.println("replay-dlq: " + e.getMessage());
            return Main.EXIT_FAILURE;
        }
    }
}
