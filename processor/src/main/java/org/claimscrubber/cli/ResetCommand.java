package org.claimscrubber.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.StreamsConfig;
import org.claimscrubber.ops.StreamsReset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reset}: wipe local state, delete internal topics and rewind the input, for reprocessing. */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Reset the processor: input offsets to earliest (or latest), internal topics deleted, local state wiped. "
                + "Stop every instance first. Downstream sees the decisions of reprocessed claims again. Refuses when the input "
                + "cannot rebuild the member history it deletes, unless --allow-history-loss.")
public final class ResetCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "The instance's local state folder (state.dir).")
    Path stateDir;

    @Option(names = "--to-latest", description = "Skip to the end of the input instead of reprocessing it.")
    boolean toLatest;

    @Option(names = "--yes", description = "Do it; without this flag the command only says what it would do.")
    boolean yes;

    @Option(names = "--allow-history-loss",
            description = "Reset even when the input topic can no longer rebuild the member history it deletes "
                    + "(records deleted, finite retention, compaction, or --to-latest).")
    boolean allowHistoryLoss;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        Map<String, Object> config = kafka.config();
        if (stateDir != null) {
            config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        }
        try {
            new StreamsReset(config, out).reset(!toLatest, yes, allowHistoryLoss);
        } catch (StreamsReset.Refused e) {
            err.println("reset: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (IllegalStateException e) {
            err.println("reset: " + e.getMessage());
            return Main.EXIT_FAILURE;
        }
        if (!yes) {
            out.println("nothing changed: add --yes to reset");
            return Main.EXIT_USAGE;
        }
        return 0;
    }
}
