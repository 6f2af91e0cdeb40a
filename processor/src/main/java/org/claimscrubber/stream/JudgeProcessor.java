package org.claimscrubber.stream;

import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.claim.Claim;
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
        String claimId = record.value().claim().getClaimId();
        Claim claim = judging(claimId, () -> AvroMapping.claim(record.value().claim()));
        String key = judging(claimId, () -> HistoryKey.of(claim));
        MemberHistory before = store.get(key);
        EditEngine.Outcome outcome = judging(claimId, () -> engine.get().evaluate(claim, before == null ? MemberHistory.empty() : before));
        ClaimDecision decision = outcome.decision() == null ? null : judging(claimId, () -> AvroMapping.toAvro(outcome.decision()));
        if (outcome.history() != before) {
            store.put(key, outcome.history().bounded(historyLimitBytes));
        }
        if (decision != null) {
            Headers headers = new RecordHeaders(record.headers().toArray());
            SourceHeaders.strip(headers);
            context.forward(record.withKey(claim.claimId()).withValue(decision).withHeaders(headers));
            events.decided(outcome.decision(), record.timestamp());
        }
    }

    /** A step of judging one claim: its failure is the claim's ({@link JudgeFailure}), and nothing has been written yet. */
    private static <T> T judging(String claimId, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            throw new JudgeFailure(claimId, e);
        }
    }
}
