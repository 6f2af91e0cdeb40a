package org.claimscrubber.ops;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.claimscrubber.history.MemberHistory;
import org.claimscrubber.stream.ClaimTopology;
import org.claimscrubber.stream.ProcessorApp;

/** What the ops server reads from the processor; {@link #of(ProcessorApp)} adapts the real one. */
public interface ProcessorView {
    KafkaStreams.State state();

    /** Readiness; may take a while (it can ask the cluster). */
    boolean ready();

    /** The topology's description, empty before the start. */
    String topology();

    /** The instance that owns the member's history when it is another one; null when it is this one or unknown. */
    HostInfo remoteOwner(String memberId);

    /** The member's history in this instance's store, or null. */
    MemberHistory localHistory(String memberId);

    static ProcessorView of(ProcessorApp app) {
        return new ProcessorView() {
            @Override
            public KafkaStreams.State state() {
                return app.state();
            }

            @Override
            public boolean ready() {
                return app.ready();
            }

            @Override
            public String topology() {
                return app.topology() == null ? "" : app.topology().describe().toString();
            }

            @Override
            public HostInfo remoteOwner(String memberId) {
                Object server = app.config().get(StreamsConfig.APPLICATION_SERVER_CONFIG);
                if (server == null) {
                    return null;
                }
                HostInfo self = HostInfo.buildFromEndpoint(server.toString());
                KeyQueryMetadata owner = app.streams().queryMetadataForKey(ClaimTopology.HISTORY_STORE, memberId, Serdes.String().serializer());
                HostInfo active = owner.activeHost();
                return active == null || active.equals(HostInfo.unavailable()) || active.equals(self) ? null : active;
            }

            @Override
            public MemberHistory localHistory(String memberId) {
                ReadOnlyKeyValueStore<String, MemberHistory> store = app.streams().store(StoreQueryParameters.fromNameAndType(
                        ClaimTopology.HISTORY_STORE, QueryableStoreTypes.keyValueStore()));
                return store.get(memberId);
            }
        };
    }
}
