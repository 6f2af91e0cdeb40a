package org.claimscrubber.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the compacted reference topics (rows and load markers) where they are missing. */
final class ReferenceTopics {
    private ReferenceTopics() {
    }

    /** @return the topics created; throws with the cluster's reason when they cannot be listed or created */
    static List<String> ensure(Map<String, Object> clientConfig, Duration timeout) throws ExecutionException, TimeoutException {
        try (Admin admin = Admin.create(clientConfig)) {
            List<NewTopic> missing = new ArrayList<>();
            var existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            for (String t : ReferenceRecords.TOPICS) {
                if (!existing.contains(t)) {
                    missing.add(new NewTopic(t, 1, (short) -1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
                }
            }
            for (var created : admin.createTopics(missing).values().entrySet()) {
                try {
                    created.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
