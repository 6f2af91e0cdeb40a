package org.claimscrubber.stream;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unreadable input record goes to the DLQ as it arrived, with error headers, and processing goes on. A registry
 * that cannot be reached is not the record's fault: the client stops instead (nothing is committed past the
 * record), and is restarted once the registry answers.
 */
public final class DeserializationToDlq implements DeserializationExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeserializationToDlq.class);
    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = new DeadLetters(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (registryUnavailable(exception)) {
            LOG.error("schema registry unavailable while reading {}-{}@{}; stopping instead of dead-lettering", context.topic(),
                    context.partition(), context.offset());
            return Response.fail();
        }
        LOG.warn("unreadable record at {}-{}@{} sent to the DLQ: {}", context.topic(), context.partition(), context.offset(),
                exception.getClass().getSimpleName());
        return Response.resume(deadLetters.record(context, record.key(), record.value(), exception, "deserialization"));
    }

    static boolean registryUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.claimscrubber.serde.SchemaRegistryException r && r.errorCode() >= 50000) {
                return true;
            }
        }
        return false;
    }
}
