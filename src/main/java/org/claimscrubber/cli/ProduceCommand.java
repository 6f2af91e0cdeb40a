package org.claimscrubber.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.claimscrubber.claim.UnreadableClaimException;
import org.claimscrubber.stream.ClaimEvents;
import org.claimscrubber.stream.ClaimPublisher;
import org.claimscrubber.stream.PublishException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code produce}: publishes JSON Lines claim events as Avro to the input topic, keyed by claim id. It fails (exit 1)
 * when the topic does not exist or the cluster refuses a record, and counts only what the cluster acknowledged.
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Publish a JSON Lines file of ClaimSubmitted events as Avro to claims.submitted, keyed by claim id.")
public final class ProduceCommand implements Callable<Integer> {
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--claims", required = true, paramLabel = "FILE")
    Path claims;

    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> config = kafka.config();
        long unreadable = 0;
        long acknowledged;
        String topic;
        try (ClaimPublisher publisher = new ClaimPublisher(config);
             BufferedReader reader = Files.newBufferedReader(claims, StandardCharsets.UTF_8)) {
            topic = publisher.topic();
            publisher.requireTopic(TOPIC_TIMEOUT);
            long n = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    publisher.publish(ClaimEvents.fromJson(line));
                } catch (UnreadableClaimException e) {
                    unreadable++;
                    err.println(claims.getFileName() + ":" + n + ": not published: " + e.getMessage());
                }
            }
            acknowledged = publisher.confirm();
        } catch (PublishException e) {
            err.println("produce: " + e.getMessage());
            return Main.EXIT_FAILURE;
        }
        err.println("published " + acknowledged + " events to " + topic);
        return unreadable > 0 ? Main.EXIT_UNREADABLE : 0;
    }
}
