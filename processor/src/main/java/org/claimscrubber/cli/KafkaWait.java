package org.claimscrubber.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.claimscrubber.stream.ClientConfigs;

/**
 * Waits, before {@code run} starts its clients, until the cluster answers. While no bootstrap address accepts a
 * connection it asks with plain sockets, so the Kafka clients' reconnect warnings never start; it says what it
 * waits for once, then again every 30 s, and gives up after a bound.
 */
final class KafkaWait {
    static final Duration REPEAT = Duration.ofSeconds(30);
    private static final Duration ATTEMPT = Duration.ofSeconds(2);

    private final Map<String, Object> config;
    private final PrintStream err;

    KafkaWait(Map<String, Object> config, PrintStream err) {
        this.config = config;
        this.err = err;
    }

    /** True once the cluster answered a metadata request; false when {@code bound} passed first. */
    boolean await(Duration bound) throws InterruptedException {
        String servers = String.valueOf(config.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        long deadline = System.nanoTime() + bound.toNanos();
        long nextSay = System.nanoTime();
        while (true) {
            if (anyAcceptsConnections(servers) && clusterAnswers()) {
                return true;
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                return false;
            }
            if (now - nextSay >= 0) {
                err.println("run: waiting for Kafka at " + servers + " (" + StreamsConfig.BOOTSTRAP_SERVERS_CONFIG + ") ...");
                nextSay = now + REPEAT.toNanos();
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(ATTEMPT.toNanos() / 2, Math.max(0, deadline - now)));
        }
    }

    /** Whether some bootstrap address accepts a TCP connection; true when none can be parsed (the client will say why). */
    private static boolean anyAcceptsConnections(String servers) {
        boolean parsed = false;
        for (String server : servers.split(",")) {
            String host = Utils.getHost(server.strip());
            Integer port = Utils.getPort(server.strip());
            if (host == null || port == null) {
                continue;
            }
            parsed = true;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), (int) ATTEMPT.toMillis());
                return true;
            } catch (IOException | IllegalArgumentException e) {
                // Not reachable (yet): try the next address.
            }
        }
        return !parsed;
    }

    private boolean clusterAnswers() throws InterruptedException {
        int timeout = (int) (ATTEMPT.toMillis() * 2);
        Admin admin = Admin.create(ClientConfigs.connection(config, "request.timeout.ms", timeout,
                "default.api.timeout.ms", timeout, "socket.connection.setup.timeout.ms", timeout));
        try {
            admin.describeCluster().nodes().get(timeout, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } finally {
            admin.close(Duration.ZERO);
        }
    }
}
