package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.claimscrubber.Scrubber;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.avro.Disposition;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.claim.ClaimJson;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.generate.ClaimGenerator;
import org.claimscrubber.history.HistoryCodec;
import org.claimscrubber.history.HistoryKey;
import org.claimscrubber.history.MemberHistory;
import org.claimscrubber.policy.Policies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The judge decodes a member's history once while it is in use, and never judges against a history the store no longer holds. */
class JudgeProcessorHistoryCacheTest {
    private final EditEngine engine = new EditEngine(Scrubber.sampleReference(), Policies.loadDefault(), ProviderBasis.RENDERING, Scrubber.FIXED);
    private final AtomicInteger decoded = new AtomicInteger();
    private MockProcessorContext<String, ClaimDecision> context;
    private KeyValueStore<String, MemberHistory> store;
    private JudgeProcessor judge;

    @BeforeEach
    void init() {
        Serde<MemberHistory> codec = HistorySerde.serde();
        Deserializer<MemberHistory> counting = (topic, bytes) -> {
            decoded.incrementAndGet();
            return codec.deserializer().deserialize(topic, bytes);
        };
        JudgeOnMockContext fixture = new JudgeOnMockContext(() -> engine, Serdes.serdeFrom(codec.serializer(), counting));
        context = fixture.context;
        store = fixture.store;
        judge = fixture.judge;
    }

    private void judge(ClaimSubmitted claim) {
        judge.process(new Record<>(claim.getMemberId(), new WireClaim(new byte[0], claim), 0L));
    }

    private List<Disposition> dispositions() {
        return context.forwarded().stream().map(f -> f.record().value().getDisposition()).toList();
    }

    @Test
    void decodesAMembersHistoryOnceForSeveralClaims() {
        judge(ClaimTopologyTest.claim("E1", "C1", "M1", "62323"));
        judge(ClaimTopologyTest.claim("E2", "C2", "M1", "64483"));
        judge(ClaimTopologyTest.claim("E3", "C3", "M1", "77003"));
        judge(ClaimTopologyTest.claim("E3", "C3", "M1", "77003"));

        assertEquals(3, dispositions().size(), "one decision per event id");
        assertEquals(List.of("C1"), context.forwarded().get(2).record().value().getFindings().get(0).getRelatedClaimIds());
        assertEquals(0, decoded.get(), "the first claim finds no history; the others find it decoded");
        assertEquals(3, store.get("M1").events().size(), "written through to the store");
    }

    @Test
    void aClaimsOwnHistoryIsNotKeptDecodedSoItCannotCrowdOutMembers() {
        judge(ClaimTopologyTest.claim("E1", "C1", "", "62323"));
        judge(ClaimTopologyTest.claim("E1", "C1", "", "62323"));

        assertEquals(1, dispositions().size(), "the redelivery emits nothing");
        assertEquals(1, decoded.get(), "the redelivery read the claim's own history from the store");
    }

    @Test
    void aReinitialisedJudgeReadsTheHistoryTheStoreHoldsNow() {
        judge(ClaimTopologyTest.claim("E1", "C1", "M1", "62323"));
        judge.close();
        store.delete("M1");
        judge.init(context);
        judge(ClaimTopologyTest.claim("E2", "C1", "M1", "62323"));

        assertEquals(List.of(Disposition.ACCEPTED, Disposition.ACCEPTED), dispositions(),
                "after a reset the store lost C1, so C1 again is no duplicate; a stale cache would flag it DUPLICATE_CLAIM");
    }

    @Test
    void aHistoryReadBackFromTheStoreEqualsTheOneKept() {
        Map<String, MemberHistory> histories = new HashMap<>();
        int compared = 0;
        for (String line : new ClaimGenerator(11, 0.4).lines(3000)) {
            Claim claim = ClaimJson.read(line);
            String key = HistoryKey.of(claim);
            MemberHistory before = histories.getOrDefault(key, MemberHistory.empty());
            MemberHistory after = engine.evaluate(claim, before).history().bounded(EditEngine.HISTORY_LIMIT_BYTES);
            histories.put(key, after);
            assertEquals(after, HistoryCodec.decode(HistoryCodec.encode(after)), "claim " + claim.claimId());
            compared += after.claims().isEmpty() ? 0 : 1;
        }
        org.junit.jupiter.api.Assertions.assertTrue(compared > 1000, "histories with claims compared: " + compared);
    }

    @Test
    void evictsTheLeastRecentlyUsedHistoryBeyondItsBytes() {
        judge = new JudgeProcessor(() -> engine, ProcessorEvents.NONE, EditEngine.HISTORY_LIMIT_BYTES, InputKeying.CLAIM, 1);
        judge.init(context);
        judge(ClaimTopologyTest.claim("E1", "C1", "M1", "62323"));
        judge(ClaimTopologyTest.claim("E2", "C2", "M1", "99213"));

        assertEquals(1, decoded.get(), "a history larger than the cache is read from the store again");
        assertEquals(LocalDate.of(2026, 3, 2), store.get("M1").lastServiceDate());
    }
}
