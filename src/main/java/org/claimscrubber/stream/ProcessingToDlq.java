package org.claimscrubber.stream;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A claim that makes a processor throw (a defect, not bad input: bad input is INVALID_CLAIM) goes to the DLQ as
 * its source bytes with error headers, so one claim cannot stop every other; the defect is logged for a fix.
 */
public final class ProcessingToDlq implements ProcessingExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessingToDlq.class);
    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = new DeadLetters(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        LOG.error("processor {} failed on the record at {}-{}@{}; sent to the DLQ", context.processorNodeId(), context.topic(),
                context.partition(), context.offset(), exception);
        return Response.resume(deadLetters.record(context, context.sourceRawKey(), context.sourceRawValue(), exception, "processing"));
    }
}
