package org.claimscrubber.x12;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.claimscrubber.stream.DeadLetters;
import org.claimscrubber.stream.InputKeying;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code claims.x12} record: a 999 per interchange to the ack topic; then either every claim of every
 * interchange to {@code claims.submitted}, or (bytes that are not X12, or any envelope or transaction set error) the
 * record as it arrived to the DLQ with the segment position and the error in its headers, and no claim of it. Under
 * exactly-once the claims, the acks and the input offset commit together.
 */
final class X12IntakeProcessor implements Processor<byte[], byte[], Object, Object> {
    static final String SEGMENT = "claimscrubber.x12.segment";
    static final String ERROR = "claimscrubber.x12.error";
    static final String INTERCHANGE = "claimscrubber.x12.interchange";
    static final String TRANSACTION = "claimscrubber.x12.transaction";
    private static final Logger LOG = LoggerFactory.getLogger(X12IntakeProcessor.class);

    private final String applicationId;
    private final InputKeying keying;
    private ProcessorContext<Object, Object> context;

    /** @param keying how the claims are keyed on {@code claims.submitted} (member id by default) */
    X12IntakeProcessor(String applicationId, InputKeying keying) {
        this.applicationId = applicationId;
        this.keying = keying;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        List<Interchange> interchanges;
        try {
            if (record.value() == null || record.value().length == 0) {
                throw new X12Exception("empty record: no X12 interchange", 0, null);
            }
            interchanges = X12Reader.read(record.value());
        } catch (X12Exception e) {
            deadLetter(record, e.getMessage(), Integer.toString(e.segmentPosition()), "-", "-");
            return;
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        for (Interchange i : interchanges) {
            context.forward(new Record<Object, Object>(record.key(), Acknowledgements.implementationAck(i, now), record.timestamp()),
                    X12IntakeTopology.ACKS);
        }
        for (Interchange i : interchanges) {
            if (!i.accepted()) {
                X12Error first = i.allErrors().get(0);
                deadLetter(record, first.describe() + (i.allErrors().size() > 1 ? " and " + (i.allErrors().size() - 1) + " more" : ""),
                        Integer.toString(first.segmentPosition()), String.valueOf(i.controlNumber()), X12Messages.transactionOf(i, first));
                return;
            }
        }
        for (Interchange i : interchanges) {
            for (MappedClaim c : i.claims()) {
                context.forward(new Record<Object, Object>(keying.keyOf(c.event()), c.event(), record.timestamp()), X12IntakeTopology.CLAIMS);
            }
            PendingInterchange pending = new PendingInterchange(context.currentSystemTimeMs(), i.claims().size(), i.controlNumber(),
                    String.valueOf(i.senderId()), record.value());
            context.forward(new Record<Object, Object>(PendingInterchange.key(String.valueOf(i.senderId()), i.controlNumber()),
                    DecisionByInterchange.tagged(ClaimAckAssembler.PENDING, pending.encode()), record.timestamp()), X12IntakeTopology.PENDING);
        }
    }

    private void deadLetter(Record<byte[], byte[]> record, String error, String segment, String interchange, String transaction) {
        Optional<RecordMetadata> source = context.recordMetadata();
        Headers headers = new RecordHeaders();
        headers.add(DeadLetters.EXCEPTION, bytes(X12Exception.class.getName()));
        headers.add(DeadLetters.MESSAGE, bytes(error));
        headers.add(DeadLetters.TOPIC, bytes(source.map(RecordMetadata::topic).orElse("")));
        headers.add(DeadLetters.PARTITION, bytes(source.map(m -> Integer.toString(m.partition())).orElse("")));
        headers.add(DeadLetters.OFFSET, bytes(source.map(m -> Long.toString(m.offset())).orElse("")));
        headers.add(DeadLetters.APPLICATION_ID, bytes(applicationId));
        headers.add(SEGMENT, bytes(segment));
        headers.add(ERROR, bytes(error));
        headers.add(INTERCHANGE, bytes(interchange));
        headers.add(TRANSACTION, bytes(transaction));
        LOG.warn("X12 record {} dead-lettered: {}", source.map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?"), error);
        context.forward(new Record<Object, Object>(record.key(), record.value(), record.timestamp(), headers), X12IntakeTopology.DLQ);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
