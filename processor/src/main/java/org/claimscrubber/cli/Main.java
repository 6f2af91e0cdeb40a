package org.claimscrubber.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code claim-scrubber} executable: one command with subcommands (contracts §7); the tools module's {@code ToolsMain} adds demo, broker, bench and chaos. */
@Command(name = "claim-scrubber", mixinStandardHelpOptions = true, version = "claim-scrubber 0.1.0",
        description = "Event-driven claim-edit engine: NCCI PTP, MUE, fee schedule and coverage policies.",
        subcommands = {CheckCommand.class, GenerateCommand.class, RunCommand.class,
                ProduceCommand.class, ConsumeCommand.class, LoadReferenceCommand.class, LoadPoliciesCommand.class, CompareCommand.class, RegisterSchemasCommand.class, ResetCommand.class, ReplayDlqCommand.class})
public final class Main implements Runnable {
    /** Exit status when the cluster cannot be reached or refuses what a command sends (a runtime failure). */
    public static final int EXIT_FAILURE = 1;
    /** Exit status for bad arguments or unusable reference data. */
    public static final int EXIT_USAGE = 2;
    /** Exit status when some input records could not be read. */
    public static final int EXIT_UNREADABLE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setExitCodeExceptionMapper(e -> EXIT_USAGE);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }
}
