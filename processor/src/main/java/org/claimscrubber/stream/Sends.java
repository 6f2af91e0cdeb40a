package org.claimscrubber.stream;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Every send's outcome: the records the cluster acknowledged, and the first one it refused (with its topic), so
 * that a command reports only what was acknowledged and stops at the first refusal.
 */
public final class Sends {
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<PublishException> refused = new AtomicReference<>();

    /** Sends, unless an earlier record was refused (then throws that refusal). */
    public <K, V> void send(Producer<K, V> producer, ProducerRecord<K, V> record) {
        throwIfRefused();
        try {
            producer.send(record, (metadata, e) -> {
                if (e == null) {
                    acknowledged.incrementAndGet();
                } else {
                    refused.compareAndSet(null, PublishException.of(record.topic() + " refused a record", e));
                }
            });
        } catch (RuntimeException e) {
            refused.compareAndSet(null, PublishException.of("cannot send to " + record.topic(), e));
            throwIfRefused();
        }
    }

    /** Throws the first refusal, if any (a new exception each time, so that one can suppress another). */
    public void throwIfRefused() {
        PublishException e = refused.get();
        if (e != null) {
            throw new PublishException(e.getMessage(), e.getCause());
        }
    }

    public long acknowledged() {
        return acknowledged.get();
    }
}
