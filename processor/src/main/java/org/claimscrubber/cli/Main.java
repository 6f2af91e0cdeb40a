package org.claimscrubber.cli;

import java.nio.file.NoSuchFileException;
import org.apache.kafka.common.config.ConfigException;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.reference.ReferenceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code claim-scrubber} executable: one command with subcommands (contracts §7); the tools module's {@code ToolsMain} adds demo, broker, bench and chaos. */
@Command(name = "claim-scrubber", mixinStandardHelpOptions = true, version = "claim-scrubber 0.1.0",
        description = "Event-driven claim-edit engine: NCCI PTP, MUE, fee schedule and coverage policies.",
        subcommands = {CheckCommand.class, GenerateCommand.class, RunCommand.class,
                ProduceCommand.class, ConsumeCommand.class, LoadReferenceCommand.class, LoadPoliciesCommand.class, CompareCommand.class, RegisterSchemasCommand.class, ResetCommand.class, ReplayDlqCommand.class})
public final class Main implements Runnable {
    /** Exit status for a runtime failure: the cluster or registry cannot be reached or refuses what is sent, I/O fails mid-run. */
    public static final int EXIT_FAILURE = 1;
    /** Exit status for bad arguments or unusable data (reference, policies, a file that does not exist). */
    public static final int EXIT_USAGE = 2;
    /** Exit status when some input records could not be read. */
    public static final int EXIT_UNREADABLE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setExitCodeExceptionMapper(Main::exitStatus).setExecutionExceptionHandler(Main::oneLine)
                .setParameterExceptionHandler(Main::badArguments);
    }

    /**
     * Bad arguments: one line on stderr ({@code command: reason (command --help lists the options)}), exit 2 (contracts §7),
     * instead of picocli's reason followed by the whole usage text.
     */
    static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        String hint = e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()
                ? "did you mean " + String.join(" or ", u.getSuggestions()) + "? " : "";
        cmd.getErr().println(cmd.getCommandName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                + " (" + hint + name + " --help lists the options)");
        cmd.getErr().flush();
        return EXIT_USAGE;
    }

    /** Reports a command's failure on one line of stderr ({@code command: what failed; caused by ...}), no stack trace. */
    static int oneLine(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        cmd.getErr().println(cmd.getCommandName() + ": " + describe(e));
        cmd.getErr().flush();
        return exitStatus(e);
    }

    /** The exception and its causes, each as its class and the first line of its message. */
    static String describe(Throwable e) {
        StringBuilder line = new StringBuilder();
        for (Throwable t = e; t != null && line.length() < 2000; t = t.getCause() == t ? null : t.getCause()) {
            line.append(line.length() == 0 ? "" : "; caused by ").append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                line.append(": ").append(t.getMessage().lines().findFirst().orElse(""));
            }
        }
        return line.toString();
    }

    /**
     * The exit status of a command that ended with an exception: 2 when the arguments or the data they name cannot
     * be used (a bad option value or config file, a file that does not exist, unusable reference or policy data),
     * 1 for every failure at run time (a cluster or registry that cannot be reached, I/O failing mid-run).
     */
    static int exitStatus(Throwable e) {
        if (e instanceof java.io.UncheckedIOException && e.getCause() != null) {
            return exitStatus(e.getCause());
        }
        boolean usage = e instanceof CommandLine.ParameterException || e instanceof IllegalArgumentException
                || e instanceof ConfigException || e instanceof NoSuchFileException || e instanceof ReferenceException
                || e instanceof Policies.PolicyException;
        return usage ? EXIT_USAGE : EXIT_FAILURE;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }
}
