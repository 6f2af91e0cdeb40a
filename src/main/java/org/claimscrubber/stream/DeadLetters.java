package org.claimscrubber.stream;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/** Builds dead-letter records: the input's key and value bytes untouched, plus headers that say what failed. */
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
        RecordHeaders headers = new RecordHeaders();
        if (context.headers() != null) {
            context.headers().forEach(headers::add);
        }
        headers.add(EXCEPTION, bytes(e.getClass().getName()));
        headers.add(MESSAGE, bytes(String.valueOf(e.getMessage())));
        headers.add(TOPIC, bytes(context.topic()));
        headers.add(PARTITION, bytes(Integer.toString(context.partition())));
        headers.add(OFFSET, bytes(Long.toString(context.offset())));
        headers.add(APPLICATION_ID, bytes(applicationId));
        return List.of(new ProducerRecord<>(topic, null, context.timestamp() >= 0 ? context.timestamp() : null, key, value, headers));
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
