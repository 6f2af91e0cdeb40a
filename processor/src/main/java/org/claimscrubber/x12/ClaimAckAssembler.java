package org.claimscrubber.x12;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.stream.AvroMapping;

/**
 * Writes an accepted interchange's 277CA once every claim of it has a decision: the intake's pending interchange
 * ({@code P|key}) and the decisions on its claims ({@code D|key|eventId}) meet in one store, keyed by the interchange
 * key. An interchange whose decisions do not all come within {@code timeout} (a resent file: the processor skips
 * redelivered events) is answered with what there is; a claim without a decision is A1:19 (received). The same
 * interchange arriving again answers the earlier arrival at once. Decisions
 * whose interchange never comes (claims sent by {@code produce --x12}) are dropped after ten timeouts.
 */
final class ClaimAckAssembler implements Processor<String, byte[], Object, Object> {
    static final byte PENDING = 'P';
    static final byte DECISION = 'D';

    private final String storeName;
    private final Deserializer<ClaimDecision> decisions;
    private final Duration timeout;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, byte[]> store;

    ClaimAckAssembler(String storeName, Deserializer<ClaimDecision> decisions, Duration timeout) {
        this.storeName = storeName;
        this.decisions = decisions;
        this.timeout = timeout;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, this::expire);
    }

    /** The value's first byte says what it is: {@link #PENDING} or {@link #DECISION}; the rest is its bytes. */
    @Override
    public void process(Record<String, byte[]> record) {
        byte kind = record.value()[0];
        byte[] body = java.util.Arrays.copyOfRange(record.value(), 1, record.value().length);
        String key = record.key();
        if (kind == PENDING) {
            byte[] earlier = store.get("P|" + key);
            if (earlier != null) {
                answer(key, PendingInterchange.decode(earlier));
            }
            store.put("P|" + key, body);
        } else {
            ClaimDecision d = decisions.deserialize("", body);
            byte[] stamped = java.nio.ByteBuffer.allocate(8 + body.length).putLong(context.currentSystemTimeMs()).put(body).array();
            store.put("D|" + key + "|" + d.getEventId(), stamped);
        }
        byte[] pending = store.get("P|" + key);
        if (pending != null && decided(key) >= PendingInterchange.decode(pending).claims()) {
            answer(key, PendingInterchange.decode(pending));
        }
    }

    private int decided(String key) {
        int n = 0;
        try (KeyValueIterator<String, byte[]> it = store.prefixScan("D|" + key + "|", new org.apache.kafka.common.serialization.StringSerializer())) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    private void answer(String key, PendingInterchange p) {
        Map<String, Decision> byEvent = new HashMap<>();
        List<String> done = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.prefixScan("D|" + key + "|", new org.apache.kafka.common.serialization.StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                Decision d = AvroMapping.fromAvro(decisions.deserialize("", java.util.Arrays.copyOfRange(kv.value, 8, kv.value.length)));
                byEvent.put(d.eventId(), d);
                done.add(kv.key);
            }
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        for (Interchange i : X12Reader.read(p.record())) {
            if (p.controlNumber().equals(i.controlNumber()) && i.accepted()) {
                context.forward(new Record<Object, Object>(p.sender().getBytes(StandardCharsets.UTF_8),
                        Acknowledgements.claimAck(i, byEvent::get, now), context.currentSystemTimeMs()));
            }
        }
        done.forEach(store::delete);
        store.delete("P|" + key);
    }

    private void expire(long nowMs) {
        List<KeyValue<String, PendingInterchange>> late = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.prefixScan("P|", new org.apache.kafka.common.serialization.StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                PendingInterchange p = PendingInterchange.decode(kv.value);
                if (nowMs - p.arrivedMs() >= timeout.toMillis()) {
                    late.add(KeyValue.pair(kv.key.substring(2), p));
                }
            }
        }
        late.forEach(kv -> answer(kv.key, kv.value));
        List<String> orphans = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.prefixScan("D|", new org.apache.kafka.common.serialization.StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                if (nowMs - java.nio.ByteBuffer.wrap(kv.value).getLong() >= 10 * timeout.toMillis()) {
                    orphans.add(kv.key);
                }
            }
        }
        orphans.forEach(store::delete);
    }
}
