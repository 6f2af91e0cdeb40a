package org.claimscrubber.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What a reset would lose for good. Member history lives in the {@code member-history} changelog, which a reset
 * deletes; reprocessing the input from its earliest record rebuilds it only if the input still holds every claim
 * ever accepted and is sure to keep holding them: no record deleted (earliest offset 0 on every partition), time and
 * size retention infinite ({@code -1}), and no compaction. Skipping to the latest record rebuilds nothing.
 */
final class HistoryLoss {
    private HistoryLoss() {
    }

    /** One line per reason the history cannot be rebuilt; empty when it can. */
    static List<String> find(Admin admin, String input, boolean toEarliest) throws ExecutionException, InterruptedException {
        List<String> losses = new ArrayList<>();
        if (!toEarliest) {
            losses.add("--to-latest does not reprocess " + input + ": every member's history is deleted and starts empty");
            return losses;
        }
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        admin.describeTopics(List.of(input)).allTopicNames().get().get(input).partitions()
                .forEach(p -> earliest.put(new TopicPartition(input, p.partition()), OffsetSpec.earliest()));
        admin.listOffsets(earliest).all().get().entrySet().stream()
                .filter(e -> e.getValue().offset() > 0)
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(TopicPartition::partition)))
                .forEach(e -> losses.add(input + " partition " + e.getKey().partition() + " starts at offset " + e.getValue().offset()
                        + ": the " + e.getValue().offset() + " claims before it were deleted, and their history with the changelog"));
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, input);
        Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
        String retentionMs = value(config, TopicConfig.RETENTION_MS_CONFIG);
        if (!"-1".equals(retentionMs)) {
            losses.add(input + " has " + TopicConfig.RETENTION_MS_CONFIG + "=" + retentionMs + " (" + days(retentionMs)
                    + "): claims older than that may be deleted before or while they are reprocessed");
        }
        String retentionBytes = value(config, TopicConfig.RETENTION_BYTES_CONFIG);
        if (!"-1".equals(retentionBytes)) {
            losses.add(input + " has " + TopicConfig.RETENTION_BYTES_CONFIG + "=" + retentionBytes + ": its oldest claims may be deleted");
        }
        String cleanup = value(config, TopicConfig.CLEANUP_POLICY_CONFIG);
        if (cleanup != null && cleanup.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            losses.add(input + " is compacted (" + TopicConfig.CLEANUP_POLICY_CONFIG + "=" + cleanup
                    + "): only the latest event of each claim id is kept");
        }
        return losses;
    }

    private static String value(Config config, String name) {
        return config.get(name) == null ? null : config.get(name).value();
    }

    private static String days(String millis) {
        try {
            return String.format(java.util.Locale.ROOT, "%.1f days", Long.parseLong(millis) / 86_400_000.0);
        } catch (NumberFormatException e) {
            return "unreadable";
        }
    }
}
