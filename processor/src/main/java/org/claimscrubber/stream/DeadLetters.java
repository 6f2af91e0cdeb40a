package org.claimscrubber.stream;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Builds dead-letter records: the input's key and value bytes untouched, plus headers that say what failed. A
 * record that failed after the repartition is written as it arrived on the input topic (key, topic, partition and
 * offset from the processor's source headers; its value bytes are the input's), so {@code replay-dlq} can send it
 * back as the original claim.
 */
public final class DeadLetters {
    public static final String EXCEPTION = "__streams.errors.exception";
    public static final String MESSAGE = "__streams.errors.message";
    public static final String TOPIC = "__streams.errors.topic";
    public static final String PARTITION = "__streams.errors.partition";
    public static final String OFFSET = "__streams.errors.offset";
    public static final String APPLICATION_ID = "__streams.errors.application.id";
    /** The name of the config key that carries the DLQ topic to the handlers. */
    public static final String TOPIC_CONFIG = "claimscrubber.dlq.topic";

    private final String topic;
    private final String applicationId;
    private final ProcessorEvents events;

    DeadLetters(Map<String, ?> configs) {
        Object t = configs.get(TOPIC_CONFIG);
        this.topic = t == null ? Topics.DEFAULT_DLQ : t.toString();
        this.applicationId = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
        this.events = ProcessorEvents.from(configs);
    }

    /** The dead-letter record for the failed input; {@code reason} labels the DLQ metric (deserialization, processing). */
    List<ProducerRecord<byte[], byte[]>> record(ErrorHandlerContext context, byte[] key, byte[] value, Exception e, String reason) {
        events.deadLettered(reason);
        Headers source = context.headers();
        String sourceTopic = SourceHeaders.text(source, SourceHeaders.TOPIC);
        boolean repartitioned = sourceTopic != null;
        RecordHeaders headers = new RecordHeaders();
        if (source != null) {
            for (Header h : source) {
                if (!h.key().startsWith(SourceHeaders.PREFIX)) {
                    headers.add(h);
                }
            }
        }
        Throwable cause = e instanceof JudgeFailure && e.getCause() != null ? e.getCause() : e;
        headers.add(EXCEPTION, bytes(cause.getClass().getName()));
        headers.add(MESSAGE, bytes(String.valueOf(cause.getMessage())));
        headers.add(TOPIC, bytes(repartitioned ? sourceTopic : context.topic()));
        headers.add(PARTITION, bytes(repartitioned ? SourceHeaders.text(source, SourceHeaders.PARTITION) : Integer.toString(context.partition())));
        headers.add(OFFSET, bytes(repartitioned ? SourceHeaders.text(source, SourceHeaders.OFFSET) : Long.toString(context.offset())));
        headers.add(APPLICATION_ID, bytes(applicationId));
        byte[] originalKey = repartitioned ? SourceHeaders.bytes(source, SourceHeaders.KEY) : key;
        return List.of(new ProducerRecord<>(topic, null, context.timestamp() >= 0 ? context.timestamp() : null, originalKey, value, headers));
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
