package org.claimscrubber.cli;

import picocli.CommandLine;

/** The tools jar's executable: every production command of {@link Main}, plus demo, broker, bench and chaos (embedded broker). */
public final class ToolsMain {
    private ToolsMain() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return Main.commandLine()
                .addSubcommand(new DemoCommand())
                .addSubcommand(new BrokerCommand())
                .addSubcommand(new BenchCommand())
                .addSubcommand(new ChaosCommand())
                .setExitCodeExceptionMapper(Main::exitStatus)
                .setExecutionExceptionHandler(Main::oneLine)
                .setParameterExceptionHandler(Main::badArguments);
    }
}
