package org.claimscrubber.stream;

import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.history.HistoryKey;
import org.claimscrubber.history.MemberHistory;

/**
 * Judges each claim (keyed by member id) against the member's history in the store and forwards its decision,
 * keyed by claim id, as the Avro record the sinks write. The step is atomic: the claim is judged and its decision
 * built before anything is written; when that fails, nothing is written and the claim goes to the DLQ
 * ({@link JudgeFailure}); history and decision are then written in the same transaction, and a failure there
 * stops the client. A claim without a member id has a history of its own ({@link HistoryKey}).
 */
final class JudgeProcessor implements Processor<String, WireClaim, String, ClaimDecision> {
    static final String STORE = ClaimTopology.HISTORY_STORE;

    private final Supplier<EditEngine> engine;
    private final ProcessorEvents events;
    private final int historyLimitBytes;
    private ProcessorContext<String, ClaimDecision> context;
    private KeyValueStore<String, MemberHistory> store;

    /**
     * @param historyLimitBytes the most bytes one member's history may take in the store and its changelog
     */
    JudgeProcessor(Supplier<EditEngine> engine, ProcessorEvents events, int historyLimitBytes) {
        this.engine = engine;
        this.events = events;
        this.historyLimitBytes = historyLimitBytes;
    }

    @Override
    public void init(ProcessorContext<String, ClaimDecision> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, WireClaim> record) {
        Claim claim = AvroMapping.claim(record.value().claim());
        String key = HistoryKey.of(claim);
        MemberHistory before = store.get(key);
        EditEngine.Outcome outcome;
        ClaimDecision decision;
        try {
            outcome = engine.get().evaluate(claim, before == null ? MemberHistory.empty() : before);
            decision = outcome.decision() == null ? null : AvroMapping.toAvro(outcome.decision());
        } catch (RuntimeException e) {
            throw new JudgeFailure(claim.claimId(), e);
        }
        if (outcome.history() != before) {
            store.put(key, outcome.history().bounded(historyLimitBytes));
        }
        if (decision != null) {
            context.forward(record.withKey(claim.claimId()).withValue(decision));
            Decision d = outcome.decision();
            events.decided(d, record.timestamp());
        }
    }
}
