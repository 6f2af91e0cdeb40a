package org.claimscrubber.stream;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.claimscrubber.history.HistoryCodec;
import org.claimscrubber.history.MemberHistory;

/** The Kafka serde of the member-history store and its changelog: {@link HistoryCodec}'s binary form (the engine has no Kafka). */
public final class HistorySerde {
    private HistorySerde() {
    }

    public static Serde<MemberHistory> serde() {
        Serializer<MemberHistory> serializer = (topic, history) -> history == null ? null : HistoryCodec.encode(history);
        Deserializer<MemberHistory> deserializer = (topic, bytes) -> bytes == null ? null : HistoryCodec.decode(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
