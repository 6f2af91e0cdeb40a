package org.claimscrubber.stream;

import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.history.MemberHistory;

/** A {@link JudgeProcessor} on a mock context with an in-memory history store (no changelog), for processor-level tests. */
final class JudgeOnMockContext {
    final MockProcessorContext<String, ClaimDecision> context = new MockProcessorContext<>();
    final KeyValueStore<String, MemberHistory> store;
    final JudgeProcessor judge;

    JudgeOnMockContext(Supplier<EditEngine> engine, Serde<MemberHistory> histories) {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(JudgeProcessor.STORE), Serdes.String(), histories)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        judge = new JudgeProcessor(engine, ProcessorEvents.NONE, EditEngine.HISTORY_LIMIT_BYTES);
        judge.init(context);
    }

    /** The claim as it arrives keyed by member id. */
    void judge(ClaimSubmitted claim) {
        judge.process(new Record<>(claim.getMemberId(), new WireClaim(new byte[0], claim), 0L));
    }
}
