package org.claimscrubber.stream;

import java.util.function.Supplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.history.MemberHistory;

/** Judges each claim (keyed by member id) against the member's history in the store; forwards decisions keyed by claim id. */
final class JudgeProcessor implements Processor<String, ClaimSubmitted, String, Decision> {
    static final String STORE = ClaimTopology.HISTORY_STORE;

    private final Supplier<EditEngine> engine;
    private final ReferenceStores reference;
    private final ProcessorEvents events;
    private ProcessorContext<String, Decision> context;
    private KeyValueStore<String, MemberHistory> store;

    /** @param reference the reference topics' stores, or null when the engine's own reference is used */
    JudgeProcessor(Supplier<EditEngine> engine, ReferenceStores reference, ProcessorEvents events) {
        this.engine = engine;
        this.reference = reference;
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, Decision> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        if (reference != null) {
            reference.refresh(context, System.currentTimeMillis());
            context.schedule(ReferenceStores.QUIET, PunctuationType.WALL_CLOCK_TIME, now -> reference.refresh(context, now));
        }
    }

    @Override
    public void process(Record<String, ClaimSubmitted> record) {
        Claim claim = AvroMapping.claim(record.value());
        String key = record.key() == null ? "" : record.key();
        MemberHistory before = store.get(key);
        EditEngine.Outcome outcome = engine.get().evaluate(claim, before == null ? MemberHistory.empty() : before);
        if (outcome.history() != before) {
            store.put(key, outcome.history());
        }
        if (outcome.decision() != null) {
            context.forward(record.withKey(claim.claimId()).withValue(outcome.decision()));
            events.decided(outcome.decision(), record.timestamp());
        }
    }
}
