package org.claimscrubber.stream;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.reference.ReferenceData;

/**
 * The processor's topology: claims in, rekeyed by member through a named repartition, judged against the
 * member-history store, and split into accepted (and voided) and flagged decisions keyed by claim id. On member-keyed
 * input ({@value InputKeying#CONFIG}=member) the claims are judged where they arrive, without the repartition.
 */
public final class ClaimTopology {
    /** The member-history store: queryable by member id, changelogged as {@code <application.id>-member-history-changelog}. */
    public static final String HISTORY_STORE = "member-history";
    private ClaimTopology() {
    }

    /**
     * @param config serde settings ({@code schema.registry.url} and the rest) and topic names
     * @param engine the engine in force; asked per claim, so a reference reload takes effect without a restart
     */
    public static Topology build(Map<String, Object> config, Supplier<EditEngine> engine) {
        return build(config, engine, null);
    }

    /**
     * As {@link #build(Map, Supplier)}, with the reference read from the reference topics as global stores and
     * handed to {@code referenceInForce} when restored and after every reload; null keeps the engine's own.
     */
    public static Topology build(Map<String, Object> config, Supplier<EditEngine> engine, Consumer<ReferenceData> referenceInForce) {
        return build(config, engine, referenceInForce, null);
    }

    /**
     * As {@link #build(Map, Supplier, Consumer)}, with the policy file of {@code reference.policies} read as a global store
     * and handed to {@code policiesInForce} when restored and on every new file (null: back to the processor's own);
     * a null {@code policiesInForce} reads no policy topic.
     */
    public static Topology build(Map<String, Object> config, Supplier<EditEngine> engine, Consumer<ReferenceData> referenceInForce,
                                 Consumer<org.claimscrubber.policy.Policies> policiesInForce) {
        TopicRegistry topics = TopicRegistry.from(config);
        Serde<WireClaim> claims = WireClaimSerde.of(config);
        StreamsBuilder builder = new StreamsBuilder();
        if (referenceInForce != null) {
            ReferenceStores.add(builder, config, referenceInForce);
        }
        if (policiesInForce != null) {
            PolicyStore.add(builder, config, policiesInForce);
        }
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(JudgeProcessor.STORE), Serdes.String(),
                HistorySerde.serde()));

        int historyLimit = historyLimitBytes(config);
        InputKeying keying = InputKeying.from(config);
        long cacheBytes = HistoryCache.maxBytes(config);
        KStream<String, WireClaim> input = builder
                .stream(topics.names().submitted(), Consumed.with(Serdes.String(), claims).withName("claims-source"));
        KStream<String, WireClaim> byMember = keying == InputKeying.MEMBER ? input : input
                .process(KeyByMember::new, Named.as("key-by-member"))
                .repartition(Repartitioned.with(Serdes.String(), claims).withName("claims-by-member"));
        KStream<String, ClaimDecision> judged = byMember
                .process(() -> new JudgeProcessor(engine, ProcessorEvents.from(config), historyLimit, keying, cacheBytes),
                        Named.as("judge-claim"), JudgeProcessor.STORE);

        judged.split(Named.as("decision-"))
                .branch((claimId, d) -> d.getDisposition() == org.claimscrubber.avro.Disposition.FLAGGED, Branched.withConsumer(flagged -> flagged
                        .to(topics.flagged().name(), topics.flagged().produced("flagged-sink")), "flagged"))
                .defaultBranch(Branched.withConsumer(accepted -> accepted
                        .to(topics.accepted().name(), topics.accepted().produced("accepted-sink")), "accepted"));
        return builder.build();
    }

    /**
     * The most bytes of one member's history: the engine's limit, or half the producer's {@code max.request.size}
     * when that is smaller, so a changelog record of the history can always be written.
     */
    static int historyLimitBytes(Map<String, Object> config) {
        Object configured = config.getOrDefault(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                config.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        int limit = EditEngine.HISTORY_LIMIT_BYTES;
        if (configured != null) {
            limit = Math.min(limit, Integer.parseInt(configured.toString().strip()) / 2);
        }
        return limit;
    }
}
