package org.claimscrubber.stream;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An unreadable input record goes to the DLQ as it arrived, with error headers; processing goes on. */
public final class DeserializationToDlq implements DeserializationExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeserializationToDlq.class);
    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = new DeadLetters(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        LOG.warn("unreadable record at {}-{}@{} sent to the DLQ: {}", context.topic(), context.partition(), context.offset(),
                exception.getClass().getSimpleName());
        return Response.resume(deadLetters.record(context, record.key(), record.value(), exception, "deserialization"));
    }
}
