package org.claimscrubber.stream;

import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.history.HistoryKey;
import org.claimscrubber.history.MemberHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges each claim (keyed by member id) against the member's history in the store and forwards its decision,
 * keyed by claim id, as the Avro record the sinks write. Histories are read through a {@link HistoryCache}, so a
 * member's history is decoded once while it is in use, not once per claim. On member-keyed input
 * ({@link InputKeying#MEMBER}) a record whose key is not its member key is counted
 * ({@link ProcessorEvents#inputKeyMismatch()}) and judged all the same: correctly only if it is on its member's
 * partition. The step is atomic: the claim is judged and its decision built before anything is written; when that
 * fails, nothing is written and the claim goes to the DLQ ({@link JudgeFailure}); history and decision are then
 * written in the same transaction, and a failure there stops the client. A claim without a member id has a history
 * of its own ({@link HistoryKey}); histories that have aged out entirely are deleted by a {@link HistorySweep}.
 */
final class JudgeProcessor implements Processor<String, WireClaim, String, ClaimDecision> {
    static final String STORE = ClaimTopology.HISTORY_STORE;
    private static final Logger LOG = LoggerFactory.getLogger(JudgeProcessor.class);

    private final Supplier<EditEngine> engine;
    private final ProcessorEvents events;
    private final int historyLimitBytes;
    private final boolean memberKeyed;
    private final HistoryCache histories;
    private final HistorySweep sweep = new HistorySweep();
    private ProcessorContext<String, ClaimDecision> context;
    private boolean mismatchLogged;

    /**
     * @param historyLimitBytes the most bytes one member's history may take in the store and its changelog
     */
    JudgeProcessor(Supplier<EditEngine> engine, ProcessorEvents events, int historyLimitBytes) {
        this(engine, events, historyLimitBytes, InputKeying.CLAIM, HistoryCache.DEFAULT_BYTES);
    }

    /**
     * @param keying the input's shape: the key of a member-keyed record is checked against its claim
     * @param cacheBytes the most encoded bytes of history kept decoded (0: none)
     */
    JudgeProcessor(Supplier<EditEngine> engine, ProcessorEvents events, int historyLimitBytes, InputKeying keying, long cacheBytes) {
        this.engine = engine;
        this.events = events;
        this.historyLimitBytes = historyLimitBytes;
        this.memberKeyed = keying == InputKeying.MEMBER;
        this.histories = new HistoryCache(cacheBytes);
    }

    @Override
    public void init(ProcessorContext<String, ClaimDecision> context) {
        this.context = context;
        KeyValueStore<String, MemberHistory> store = context.getStateStore(STORE);
        histories.attach(store);
        context.schedule(HistorySweep.INTERVAL, PunctuationType.WALL_CLOCK_TIME,
                now -> events.historiesExpired(sweep.run(store, histories, engine.get())));
    }

    @Override
    public void close() {
        histories.clear();
    }

    @Override
    public void process(Record<String, WireClaim> record) {
        String claimId = record.value().claim().getClaimId();
        if (memberKeyed && !InputKeying.memberKey(record.value().claim()).equals(record.key())) {
            keyMismatch(claimId);
        }
        Claim claim = judging(claimId, () -> AvroMapping.claim(record.value().claim()));
        String key = judging(claimId, () -> HistoryKey.of(claim));
        MemberHistory before = histories.get(key);
        EditEngine.Outcome outcome = judging(claimId, () -> engine.get().evaluate(claim, before == null ? MemberHistory.empty() : before));
        ClaimDecision decision = outcome.decision() == null ? null : judging(claimId, () -> AvroMapping.toAvro(outcome.decision()));
        if (outcome.history() != before) {
            histories.put(key, outcome.history().bounded(historyLimitBytes));
        }
        if (decision != null) {
            Headers headers = new RecordHeaders(record.headers().toArray());
            SourceHeaders.strip(headers);
            context.forward(record.withKey(claim.claimId()).withValue(decision).withHeaders(headers));
            events.decided(outcome.decision(), record.timestamp());
        }
    }

    /** Counts the record; logs the first of the task with its claim id and place, never its key or member id. */
    private void keyMismatch(String claimId) {
        events.inputKeyMismatch();
        if (!mismatchLogged) {
            mismatchLogged = true;
            LOG.warn("claim {} at {} is not keyed by its member id although {}=member; it is judged against the history of this "
                    + "partition only (counted in claimscrubber_input_key_mismatch_total; further ones are not logged)", claimId,
                    context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?"), InputKeying.CONFIG);
        }
    }

    /** A step of judging one claim: its failure is the claim's ({@link JudgeFailure}), and nothing has been written yet. */
    private static <T> T judging(String claimId, Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            throw new JudgeFailure(claimId, e);
        }
    }
}
