package org.claimscrubber.ops;

import org.claimscrubber.stream.ClientConfigs;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.streams.StreamsConfig;
import org.claimscrubber.stream.ClaimTopology;
import org.claimscrubber.stream.TopicRegistry;

/**
 * Resets the processor for reprocessing: its input offsets go back to the earliest (or latest) record, its
 * internal topics (repartition, history changelog) are deleted, and its local state folder is wiped. Refuses
 * while any instance of the application is still in the group, and, unless history loss is allowed, when the
 * member history it deletes cannot be rebuilt from the input (see {@link HistoryLoss}).
 */
public final class StreamsReset {
    private final Map<String, Object> config;
    private final PrintStream out;

    public StreamsReset(Map<String, Object> config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    /** What a reset would do, or does when {@code apply}, refusing to lose history; returns the internal topics found. */
    public List<String> reset(boolean toEarliest, boolean apply) {
        return reset(toEarliest, apply, false);
    }

    /**
     * As {@link #reset(boolean, boolean)}; with {@code allowHistoryLoss} it also deletes member history that the input
     * can no longer rebuild (after saying what is lost).
     *
     * @throws Refused instances of the application still run, or history would be lost without {@code allowHistoryLoss}
     * @throws IllegalStateException the cluster could not be reached or failed a step
     */
    public List<String> reset(boolean toEarliest, boolean apply, boolean allowHistoryLoss) {
        String app = String.valueOf(config.getOrDefault(StreamsConfig.APPLICATION_ID_CONFIG, "claim-scrubber"));
        String input = TopicRegistry.from(config).names().submitted();
        try (Admin admin = Admin.create(ClientConfigs.withTimeouts(config))) {
            try {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(app)).all().get().get(app);
                if (group != null && !group.members().isEmpty()) {
                    throw new Refused("application " + app + " still has " + group.members().size()
                            + " running member(s); stop every instance first");
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
            }
            List<String> internal = new ArrayList<>();
            for (String t : admin.listTopics().names().get()) {
                if (t.startsWith(app + "-") && (t.endsWith("-repartition") || t.endsWith("-changelog"))) {
                    internal.add(t);
                }
            }
            Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
            admin.describeTopics(List.of(input)).allTopicNames().get().get(input).partitions()
                    .forEach(p -> specs.put(new TopicPartition(input, p.partition()), toEarliest ? OffsetSpec.earliest() : OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            admin.listOffsets(specs).all().get().forEach((tp, info) -> offsets.put(tp, new OffsetAndMetadata(info.offset())));
            if (internal.contains(app + "-" + ClaimTopology.HISTORY_STORE + "-changelog")) {
                List<String> losses = HistoryLoss.find(admin, input, toEarliest);
                if (!losses.isEmpty()) {
                    out.println("WARNING: this reset deletes member history that " + input + " cannot rebuild:");
                    losses.forEach(l -> out.println("  - " + l));
                    out.println("  Claims judged after the reset do not see the lost accepted claims: duplicate, cross-claim PTP and MUE, "
                            + "session and frequency edits miss them, and redelivered event ids are judged again.");
                    if (!allowHistoryLoss) {
                        if (apply) {
                            throw new Refused("member history would be lost (see above); nothing changed. "
                                    + "Add --allow-history-loss to reset anyway");
                        }
                        out.println("  --yes would refuse without --allow-history-loss");
                    }
                }
            }
            Path state = Path.of(String.valueOf(config.getOrDefault(StreamsConfig.STATE_DIR_CONFIG,
                    System.getProperty("java.io.tmpdir") + "/kafka-streams")), app);
            out.println((apply ? "resetting " : "would reset ") + app + ": input " + input + " offsets to "
                    + (toEarliest ? "earliest" : "latest") + " " + offsets.values().stream().map(OffsetAndMetadata::offset).toList()
                    + "; delete internal topics " + internal + "; wipe local state " + state);
            if (apply) {
                admin.alterConsumerGroupOffsets(app, offsets).all().get();
                if (!internal.isEmpty()) {
                    admin.deleteTopics(internal).all().get();
                }
                wipe(state);
            }
            return internal;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reset failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void wipe(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reset refused to act (instances still running, or history it would lose): nothing was changed. */
    public static final class Refused extends IllegalStateException {
        Refused(String message) {
            super(message);
        }
    }
}
