package org.claimscrubber.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.claimscrubber.embedded.EmbeddedKafka;
import org.claimscrubber.embedded.EmbeddedSchemaRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code broker}: a standalone embedded broker and schema registry for local use, until killed. With
 * {@code --control-stdin} it also reads {@code registry stop} and {@code registry start} lines from stdin, so
 * {@code chaos} can take the registry away while the broker stays up.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run an embedded single-node Kafka broker and schema registry on 127.0.0.1 until killed.")
public final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--registry-port", defaultValue = "0", description = "Registry port (default: a free one).")
    int registryPort;

    @Option(names = "--port", defaultValue = "0", description = "Broker port (default: a free one).")
    int port;

    @Option(names = "--controller-port", defaultValue = "0", description = "KRaft controller port (default: a free one).")
    int controllerPort;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the broker's log and the registry's schemas here, so a restart with the same ports and folder is the same cluster.")
    java.nio.file.Path dataDir;

    @Option(names = "--control-stdin",
            description = "Read 'registry stop' / 'registry start' lines from stdin to close and reopen the registry's port (for chaos).")
    boolean controlStdin;

    PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        EmbeddedKafka kafka = dataDir == null ? EmbeddedKafka.start() : EmbeddedKafka.start(dataDir.resolve("kafka"), port, controllerPort);
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(registryPort,
                dataDir == null ? null : dataDir.resolve("schemas.tsv"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            registry.close();
            kafka.close();
            stopped.countDown();
        }, "broker-shutdown"));
        out.println("bootstrap.servers=" + kafka.bootstrapServers());
        out.println("schema.registry.url=" + registry.url());
        out.flush();
        if (controlStdin) {
            Thread control = new Thread(() -> control(registry), "broker-control");
            control.setDaemon(true);
            control.start();
        }
        stopped.await();
        return 0;
    }

    private void control(EmbeddedSchemaRegistry registry) {
        try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                switch (line.trim()) {
                    case "registry stop" -> {
                        registry.stop();
                        out.println("registry stopped");
                    }
                    case "registry start" -> {
                        registry.restart();
                        out.println("registry started");
                    }
                    default -> System.err.println("unknown control line: " + line);
                }
                out.flush();
            }
        } catch (java.io.IOException e) {
            System.err.println("broker control ended: " + e.getMessage());
        }
    }
}
