package org.claimscrubber.stream;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which processing failures a claim may be dead-lettered for. Only one: the engine could not judge the
 * claim ({@link JudgeFailure}: a defect this claim triggers, before anything of it was written); the claim goes to
 * the DLQ as it arrived on the input topic and the stream goes on. Every other failure (an output or history write,
 * a serializer that cannot reach the registry, a schema that is not registered) stops the client: the
 * transaction is aborted, nothing past the failure is committed, and a restart after the fix processes the claim.
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
        if (!judgeFailure(exception)) {
            String subject = unregisteredSubject(exception);
            if (subject != null) {
                LOG.error("cannot write a decision: the schema registry has no subject {}, or not this build's schema under it, and "
                        + "auto.register.schemas is off; run `claim-scrubber register-schemas`, then restart the processor (nothing "
                        + "was lost)", subject);
            }
            LOG.error("processor {} failed on the record at {}-{}@{}; stopping: nothing after it is committed", context.processorNodeId(),
                    context.topic(), context.partition(), context.offset(), exception);
            return Response.fail();
        }
        LOG.error("processor {} failed on the record at {}-{}@{}; sent to the DLQ", context.processorNodeId(), context.topic(),
                context.partition(), context.offset(), exception);
        return Response.resume(deadLetters.record(context, context.sourceRawKey(), context.sourceRawValue(), exception, "processing"));
    }

    /** The subject named by a registry "subject not found" (40401) or "schema not found" (40403) in the cause chain, or null. */
    public static String unregisteredSubject(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.claimscrubber.serde.SchemaRegistryException r && (r.errorCode() == 40401 || r.errorCode() == 40403)) {
                String m = String.valueOf(r.getMessage());
                int open = m.indexOf('\'');
                int close = open < 0 ? -1 : m.indexOf('\'', open + 1);
                return close > open ? m.substring(open + 1, close) : "(see the error below)";
            }
        }
        return null;
    }

    static boolean judgeFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JudgeFailure) {
                return true;
            }
        }
        return false;
    }
}
