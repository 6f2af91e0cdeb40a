package org.claimscrubber.x12;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.claimscrubber.avro.ClaimDecision;

/** A decision on a claim that came in as X12, re-keyed by its interchange key and tagged for {@link ClaimAckAssembler}. */
final class DecisionByInterchange implements Processor<byte[], byte[], Object, Object> {
    private final Deserializer<ClaimDecision> decisions;
    private ProcessorContext<Object, Object> context;

    DecisionByInterchange(Deserializer<ClaimDecision> decisions) {
        this.decisions = decisions;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        String key = PendingInterchange.keyOfEvent(decisions.deserialize("", record.value()).getEventId());
        if (key != null) {
            context.forward(new Record<Object, Object>(key, tagged(ClaimAckAssembler.DECISION, record.value()), record.timestamp()));
        }
    }

    static byte[] tagged(byte tag, byte[] body) {
        byte[] out = new byte[body.length + 1];
        out[0] = tag;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }
}
