package org.claimscrubber.cli;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.claimscrubber.claim.UnreadableClaimException;
import org.claimscrubber.stream.ClaimEvents;
import org.claimscrubber.stream.ClaimPublisher;
import org.claimscrubber.stream.PublishException;
import org.claimscrubber.x12.MappedClaim;
import org.claimscrubber.x12.X12Exception;
import org.claimscrubber.x12.X12Messages;
import org.claimscrubber.x12.X12Reader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code produce}: publishes JSON Lines claim events as Avro to the input topic, keyed by member id. It fails (exit 1)
 * when the topic does not exist or the cluster refuses a record, and counts only what the cluster acknowledged.
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Publish a JSON Lines file of ClaimSubmitted events (or the claims of 837P files) as Avro to claims.submitted, keyed by member id (claimscrubber.input.keyed-by=claim: by claim id).")
public final class ProduceCommand implements Callable<Integer> {
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--claims", paramLabel = "FILE", description = "JSON Lines claim events.")
    Path claims;

    @Option(names = "--x12", paramLabel = "FILE", arity = "1..*",
            description = "837P files instead of --claims: the claims of each accepted interchange, confirmed by the cluster before the "
                    + "next interchange; a rejected interchange is reported on stderr and nothing of it is sent.")
    List<Path> x12;

    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        if ((claims == null) == (x12 == null)) {
            err.println("produce: give either --claims FILE or --x12 FILE...");
            return Main.EXIT_USAGE;
        }
        if (!Setup.readable("produce", claims != null ? java.util.List.of(claims) : x12, err)) {
            return Main.EXIT_USAGE;
        }
        Map<String, Object> config = kafka.config();
        if (x12 != null) {
            return produceX12(config);
        }
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

    /** Each accepted interchange's claims, confirmed before the next interchange; rejected interchanges send nothing. */
    private int produceX12(Map<String, Object> config) throws IOException {
        long rejected = 0;
        long acknowledged;
        String topic;
        try (ClaimPublisher publisher = new ClaimPublisher(config)) {
            topic = publisher.topic();
            publisher.requireTopic(TOPIC_TIMEOUT);
            for (Path file : x12) {
                List<String> refusals = new ArrayList<>();
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    X12Reader.read(in, interchange -> {
                        if (!interchange.accepted()) {
                            refusals.add(X12Messages.rejected(file.getFileName().toString(), interchange) + "; nothing of it was sent");
                            return;
                        }
                        for (MappedClaim c : interchange.claims()) {
                            publisher.publish(c.event());
                        }
                        publisher.flush();
                    });
                } catch (X12Exception e) {
                    refusals.add(file.getFileName() + ": segment " + e.segmentPosition() + ": " + e.getMessage());
                } catch (java.io.UncheckedIOException e) {
                    throw new IOException(file.getFileName() + ": reading failed: " + e.getCause().getMessage(), e.getCause());
                }
                refusals.forEach(err::println);
                rejected += refusals.size();
            }
            acknowledged = publisher.confirm();
        } catch (PublishException e) {
            err.println("produce: " + e.getMessage());
            return Main.EXIT_FAILURE;
        }
        err.println("published " + acknowledged + " events to " + topic + (rejected > 0 ? "; " + rejected + " interchange(s) or file(s) rejected" : ""));
        return rejected > 0 ? Main.EXIT_UNREADABLE : 0;
    }
}
