package org.claimscrubber.stream;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.claimscrubber.serde.RegistryUnavailableException;
import org.claimscrubber.serde.SchemaRegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unreadable input record goes to the DLQ as it arrived, with error headers, and processing goes on. Only the
 * record's own faults count: not Confluent-framed, a schema id the registry says it does not know (40403), a schema
 * that cannot be parsed or resolved into ours, a body that does not decode. A registry that cannot give an answer
 * ({@link RegistryUnavailableException}: unreachable, timed out, 5xx, 401/403, 429, redirects, foreign answers) is
 * not the record's fault: the client stops instead (the transaction aborts, nothing is committed past the record),
 * and a restart once the registry answers resumes from the last commit with nothing skipped.
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
            LOG.error("schema registry unavailable while reading {}-{}@{}; stopping instead of dead-lettering: {}", context.topic(),
                    context.partition(), context.offset(), exception.getMessage());
            return Response.fail();
        }
        LOG.warn("unreadable record at {}-{}@{} sent to the DLQ: {}", context.topic(), context.partition(), context.offset(),
                exception.getClass().getSimpleName());
        return Response.resume(deadLetters.record(context, record.key(), record.value(), exception, "deserialization"));
    }

    static boolean registryUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RegistryUnavailableException) {
                return true;
            }
            if (t instanceof SchemaRegistryException r) {
                return !aboutTheRecord(r);
            }
        }
        return false;
    }

    /** The registry's clear answer about the record's schema: unknown (404xx) or invalid (422xx). */
    private static boolean aboutTheRecord(SchemaRegistryException e) {
        return e.errorCode() / 100 == 404 || e.errorCode() / 100 == 422;
    }
}
