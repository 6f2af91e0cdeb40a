package org.claimscrubber.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.claimscrubber.embedded.EmbeddedKafka;
import org.claimscrubber.embedded.EmbeddedSchemaRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code broker}: a standalone embedded broker and schema registry for local use, until killed. */
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
        stopped.await();
        return 0;
    }
}
