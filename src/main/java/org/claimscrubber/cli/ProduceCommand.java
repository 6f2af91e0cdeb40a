package org.claimscrubber.cli;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import java.util.concurrent.Callable;
import org.claimscrubber.claim.UnreadableClaimException;
import org.claimscrubber.stream.ClaimEvents;
import org.claimscrubber.stream.ClaimPublisher;
import org.claimscrubber.x12.MappedClaim;
import org.claimscrubber.x12.X12Exception;
import org.claimscrubber.x12.X12Messages;
import org.claimscrubber.x12.X12Reader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code produce}: publishes JSON Lines claim events as Avro to the input topic, keyed by claim id. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Publish a JSON Lines file of ClaimSubmitted events (or the claims of 837P files) as Avro to claims.submitted, keyed by claim id.")
public final class ProduceCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--claims", paramLabel = "FILE", description = "JSON Lines claim events.")
    Path claims;

    @Option(names = "--x12", paramLabel = "FILE", arity = "1..*",
            description = "837P files instead of --claims: the claims of each accepted interchange, every send checked; a rejected "
                    + "interchange is reported on stderr and nothing of it is sent.")
    List<Path> x12;

    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        if ((claims == null) == (x12 == null)) {
            err.println("produce: give either --claims FILE or --x12 FILE...");
            return Main.EXIT_USAGE;
        }
        Map<String, Object> config = kafka.config();
        if (x12 != null) {
            return produceX12(config);
        }
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

    /** Each accepted interchange's claims, sent together and each send waited for; rejected interchanges are not sent. */
    private int produceX12(Map<String, Object> config) throws Exception {
        long[] sent = {0};
        long[] rejected = {0};
        try (ClaimPublisher publisher = new ClaimPublisher(config)) {
            for (Path file : x12) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    X12Reader.read(in, interchange -> {
                        if (!interchange.accepted()) {
                            rejected[0]++;
                            err.println(X12Messages.rejected(file.getFileName().toString(), interchange) + "; nothing of it was sent");
                            return;
                        }
                        List<Future<RecordMetadata>> sends = new ArrayList<>();
                        for (MappedClaim c : interchange.claims()) {
                            sends.add(publisher.publish(c.event()));
                        }
                        publisher.flush();
                        for (Future<RecordMetadata> f : sends) {
                            try {
                                f.get();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException("interrupted", e);
                            } catch (ExecutionException e) {
                                throw new IllegalStateException("interchange " + interchange.controlNumber() + " of " + file.getFileName()
                                        + ": a send failed: " + e.getCause().getMessage(), e.getCause());
                            }
                        }
                        sent[0] += sends.size();
                    });
                } catch (X12Exception e) {
                    rejected[0]++;
                    err.println(file.getFileName() + ": segment " + e.segmentPosition() + ": " + e.getMessage());
                }
            }
        }
        err.println("published " + sent[0] + " events to " + config.getOrDefault("claimscrubber.topic.submitted", "claims.submitted")
                + (rejected[0] > 0 ? "; " + rejected[0] + " interchange(s) or file(s) rejected" : ""));
        return rejected[0] > 0 ? Main.EXIT_UNREADABLE : 0;
    }
}
