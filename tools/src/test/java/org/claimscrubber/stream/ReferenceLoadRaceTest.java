package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.claimscrubber.embedded.EmbeddedConfig;
import org.claimscrubber.reference.ReferenceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two loads never interleave: a load fences one still running (or one that died mid-way), whose rows never show. */
class ReferenceLoadRaceTest extends OnEmbeddedBroker {
    @TempDir
    Path dir;

    @Test
    void aLoadFencesAnEarlierUnfinishedLoadWhoseRowsNeverBecomeVisible() throws Exception {
        Map<String, Object> config = EmbeddedConfig.of(kafka, registry, "race", dir.resolve("state"));
        ReferencePublisher publisher = new ReferencePublisher(config, new PrintStream(PrintStream.nullOutputStream()));
        publisher.publish(ReferenceLoader.sampleSources(), "sample");

        try (KafkaProducer<String, byte[]> earlier = new KafkaProducer<>(ClientConfigs.connection(config,
                "transactional.id", ReferencePublisher.TRANSACTIONAL_ID), new StringSerializer(), new ByteArraySerializer())) {
            earlier.initTransactions();
            earlier.beginTransaction();
            earlier.send(new ProducerRecord<>(ReferenceRecords.PTP, "half|of|a|load", "row".getBytes(StandardCharsets.UTF_8)));
            earlier.send(new ProducerRecord<>(ReferenceRecords.MUE, "2026-01-01|62323", (byte[]) null));
            earlier.flush();

            var result = publisher.publish(ReferenceLoader.sampleSources(), "sample");

            assertThrows(KafkaException.class, earlier::commitTransaction, "the earlier load is fenced");
            assertEquals(Map.of(), result.sentAndTombstoned(), "the earlier load's rows were never seen, so nothing needed repair");
        }
        assertEquals(103, committedKeys(config, ReferenceRecords.PTP));
        assertEquals(33, committedKeys(config, ReferenceRecords.MUE));
    }

    private static long committedKeys(Map<String, Object> config, String topic) {
        return TopicCounter.count(config, topic, Duration.ofSeconds(10));
    }
}
