package org.claimscrubber.ops;

import org.claimscrubber.stream.ClientConfigs;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.claimscrubber.stream.DeadLetters;
import org.claimscrubber.stream.PublishException;
import org.claimscrubber.stream.Sends;
import org.claimscrubber.stream.Topic;
import org.claimscrubber.stream.TopicRegistry;

/**
 * Re-publishes dead letters to the input topic after a fix: the original key and value bytes, without the error
 * headers, for every record of the DLQ that matches the filter at the time of the run (it keeps no memory of
 * earlier replays). A dry run lists what would go and moves nothing. The engine ignores redelivered event ids, so
 * replaying an event twice, or one that was judged in the meantime, cannot double its decision. Every send is
 * checked: the first record the cluster refuses stops the replay with a {@link PublishException}.
 */
public final class DlqReplay {
    private final Map<String, Object> config;
    private final PrintStream out;

    public DlqReplay(Map<String, Object> config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    /**
     * Replays the records whose exception class contains {@code exceptionFilter} (all when null); returns how many,
     * all acknowledged by the cluster.
     *
     * @throws PublishException the cluster refused a replayed record
     */
    public int replay(String exceptionFilter, boolean dryRun) {
        TopicRegistry topics = TopicRegistry.from(config);
        Topic<byte[], byte[]> dlq = topics.dlq();
        String input = topics.names().submitted();
        Map<String, Object> c = ClientConfigs.connection(config);
        c.put("enable.auto.commit", false);
        c.put("isolation.level", "read_committed");
        int replayed = 0;
        Sends sends = new Sends();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, dlq.keySerde().deserializer(), dlq.valueSerde().deserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ClientConfigs.withTimeouts(config,
                     "acks", "all", "enable.idempotence", true), dlq.keySerde().serializer(), dlq.valueSerde().serializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlq.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(dlq.name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    String exception = header(r, DeadLetters.EXCEPTION);
                    if (exceptionFilter != null && (exception == null || !exception.contains(exceptionFilter))) {
                        continue;
                    }
                    out.println((dryRun ? "would replay " : "replay ") + dlq.name() + "-" + r.partition() + "@" + r.offset() + " ("
                            + exception + ", from " + header(r, DeadLetters.TOPIC) + "-" + header(r, DeadLetters.PARTITION) + "@"
                            + header(r, DeadLetters.OFFSET) + ")");
                    if (!dryRun) {
                        RecordHeaders headers = new RecordHeaders();
                        for (Header h : r.headers()) {
                            if (!h.key().startsWith("__streams.errors.")) {
                                headers.add(h);
                            }
                        }
                        sends.send(producer, new ProducerRecord<>(input, null, r.key(), r.value(), headers));
                    }
                    replayed++;
                }
            }
            producer.flush();
            sends.throwIfRefused();
        } catch (PublishException e) {
            throw new PublishException(e.getMessage() + " (" + sends.acknowledged() + " of the records replayed so far were acknowledged)", e);
        }
        out.println((dryRun ? "would replay " : "replayed ") + replayed + " record(s) to " + input);
        return replayed;
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
