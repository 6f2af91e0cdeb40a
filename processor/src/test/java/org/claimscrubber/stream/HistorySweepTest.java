package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.claimscrubber.Scrubber;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.avro.ClaimFrequency;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.history.MemberHistory;
import org.claimscrubber.history.SeenEvent;
import org.claimscrubber.policy.Policies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Histories that nothing can need any more leave the store: inactive members, and claims that came without a member id. */
class HistorySweepTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final EditEngine engine = new EditEngine(Scrubber.sampleReference(), Policies.loadDefault(), ProviderBasis.RENDERING, clock);
    private MockProcessorContext<String, ClaimDecision> context;
    private KeyValueStore<String, MemberHistory> store;
    private JudgeProcessor judge;

    @BeforeEach
    void init() {
        JudgeOnMockContext fixture = new JudgeOnMockContext(() -> engine, HistorySerde.serde());
        context = fixture.context;
        store = fixture.store;
        judge = fixture.judge;
    }

    private void judge(ClaimSubmitted claim) {
        judge.process(new Record<>(claim.getMemberId(), new WireClaim(new byte[0], claim), 0L));
    }

    private void sweep() {
        assertEquals(1, context.scheduledPunctuators().size(), "one wall-clock punctuator");
        MockProcessorContext.CapturedPunctuator p = context.scheduledPunctuators().get(0);
        assertEquals(HistorySweep.INTERVAL, p.getInterval());
        p.getPunctuator().punctuate(clock.millis());
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, MemberHistory> it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    @Test
    void historiesThatHaveAgedOutEntirelyAreDeletedAndLiveOnesStay() {
        judge(ClaimTopologyTest.claim("E1", "C1", "M1", "62323"));
        judge(ClaimTopologyTest.claim("E2", "C2", "", "62323"));
        judge(ClaimTopologyTest.claim("E3", "C3", "M2", "62323"));
        assertEquals(3, keys().size());

        sweep();
        assertEquals(3, keys().size(), "nothing has aged out yet");

        clock.advance(Duration.ofDays(3 * 365));
        judge(ClaimTopologyTest.claim("E4", "C4", "M2", "64483"));
        sweep();

        assertEquals(List.of("M2"), keys(), "M1 and the claim without a member id aged out; M2 sent a claim today");
        assertNotNull(store.get("M2"));
        judge(ClaimTopologyTest.claim("E1", "C1", "M1", "62323"));
        assertEquals(5, context.forwarded().size(), "E1 is judged again, as after pruning: its history is gone");
    }

    @Test
    void aHistoryTheSweepDeletedJudgesExactlyAsTheStoredOneWouldHave() {
        judge(ClaimTopologyTest.claim("E1", "C1", "M1", "62323"));
        MemberHistory stored = store.get("M1");
        clock.advance(Duration.ofDays(3 * 365));
        ClaimSubmitted voiding = ClaimTopologyTest.claim("E2", "V1", "M1");
        voiding.setFrequency(ClaimFrequency.VOID);
        voiding.setOriginalClaimId("C1");
        Claim claim = AvroMapping.claim(voiding);

        EditEngine.Outcome fromStore = engine.evaluate(claim, stored);
        EditEngine.Outcome afterSweep = engine.evaluate(claim, MemberHistory.empty());

        assertEquals(afterSweep.decision().disposition(), fromStore.decision().disposition());
        assertEquals(afterSweep.decision().findings(), fromStore.decision().findings());
        assertEquals(afterSweep.history(), fromStore.history());
    }

    @Test
    void aSweepReadsABoundedBatchAndTheNextOneGoesOnWhereItStopped() {
        int old = (int) clock.today().minusDays(5 * 365).toEpochDay();
        int total = HistorySweep.BATCH * 2 + HistorySweep.BATCH / 2;
        for (int i = 0; i < total; i++) {
            store.put(String.format("K%05d", i), new MemberHistory(List.of(), List.of(new SeenEvent("E" + i, old))));
        }
        store.put("K00010x", new MemberHistory(List.of(), List.of(new SeenEvent("fresh", (int) clock.today().toEpochDay()))));

        sweep();
        assertEquals(total + 1 - (HistorySweep.BATCH - 1), keys().size(), "one batch read: all but the fresh history in it deleted");
        sweep();
        sweep();
        assertEquals(List.of("K00010x"), keys(), "the rest in the runs after; the fresh history stays");
        assertNull(store.get("K00000"));
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        java.time.LocalDate today() {
            return java.time.LocalDate.ofInstant(now, ZoneOffset.UTC);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
