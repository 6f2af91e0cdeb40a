package org.claimscrubber.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.claimscrubber.claim.UnreadableClaimException;
import org.claimscrubber.stream.ClaimEvents;
import org.claimscrubber.stream.ClaimPublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code produce}: publishes JSON Lines claim events as Avro to the input topic, keyed by claim id. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Publish a JSON Lines file of ClaimSubmitted events as Avro to claims.submitted, keyed by claim id.")
public final class ProduceCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--claims", required = true, paramLabel = "FILE")
    Path claims;

    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> config = kafka.config();
        long sent = 0;
        long unreadable = 0;
        try (ClaimPublisher publisher = new ClaimPublisher(config);
             BufferedReader reader = Files.newBufferedReader(claims, StandardCharsets.UTF_8)) {
            long n = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    publisher.publish(ClaimEvents.fromJson(line));
                    sent++;
                } catch (UnreadableClaimException e) {
                    unreadable++;
                    err.println(claims.getFileName() + ":" + n + ": not published: " + e.getMessage());
                }
            }
        }
        err.println("published " + sent + " events to " + config.getOrDefault("claimscrubber.topic.submitted", "claims.submitted"));
        return unreadable > 0 ? Main.EXIT_UNREADABLE : 0;
    }
}
