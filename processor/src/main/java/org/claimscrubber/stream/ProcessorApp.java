package org.claimscrubber.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream processor's lifecycle: topics ensured, Kafka Streams started and awaited until RUNNING, the engine
 * swapped in place on a reference reload, and a bounded close. An uncaught error shuts the client down (the
 * orchestrator restarts it); bad records never get that far (they go to the DLQ).
 */
public final class ProcessorApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessorApp.class);

    private final Map<String, Object> config;
    private final AtomicReference<EditEngine> engine;
    /** The policies the processor was started with, in force again when reference.policies is emptied. */
    private final org.claimscrubber.policy.Policies ownPolicies;
    private final boolean referenceFromTopics;
    private final ProcessorEvents events;
    private volatile boolean referenceReady;
    private KafkaStreams streams;
    private org.apache.kafka.streams.Topology topology;

    /** A processor whose reference is the engine's own (files loaded at start). */
    public ProcessorApp(Map<String, Object> config, EditEngine engine) {
        this(config, engine, false);
    }

    /**
     * @param referenceFromTopics read the reference from the reference topics (global stores), replacing the
     *     engine's own once restored and after every reload
     */
    public ProcessorApp(Map<String, Object> config, EditEngine engine, boolean referenceFromTopics) {
        this.config = StreamsSettings.defaults(config);
        this.engine = new AtomicReference<>(engine);
        this.ownPolicies = engine.policies();
        this.referenceFromTopics = referenceFromTopics;
        this.events = ProcessorEvents.from(config);
        if (!referenceFromTopics) {
            events.referenceInForce(engine.reference());
            referenceReady = true;
        }
    }

    /** Creates the product's topics where missing. */
    public static void ensureTopics(Map<String, Object> config, Topics topics, int partitions) {
        ensureTopics(config, topics.all(), partitions);
    }

    /** Creates those of {@code names} that are missing, with {@code partitions} partitions and the broker's replication. */
    public static void ensureTopics(Map<String, Object> config, Collection<String> names, int partitions) {
        try (Admin admin = Admin.create(ClientConfigs.connection(config))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String t : names) {
                if (!existing.contains(t)) {
                    missing.add(new NewTopic(t, partitions, (short) -1));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
                awaitLeaders(admin, missing.stream().map(NewTopic::name).toList(), Duration.ofSeconds(30));
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("cannot create topics " + names + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits, at most {@code timeout}, until every partition of the new topics has a leader that answers an offset
     * request. A producer that sends before then gets NOT_LEADER_OR_FOLLOWER, and its idempotent retries have been seen
     * to end in OUT_OF_ORDER_SEQUENCE_NUMBER and a batch expiring after the delivery timeout.
     */
    private static void awaitLeaders(Admin admin, List<String> topics, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                boolean led = true;
                for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get().values()) {
                    for (TopicPartitionInfo p : d.partitions()) {
                        led &= p.leader() != null && !p.leader().isEmpty();
                        latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
                    }
                }
                if (led) {
                    admin.listOffsets(latest).all().get();
                    return;
                }
            } catch (ExecutionException e) {
                LOG.debug("new topics {} not ready yet: {}", topics, e.getCause().toString());
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        LOG.warn("new topics {} have no answering leader for every partition after {} s; producers will retry", topics, timeout.toSeconds());
    }

    /**
     * Starts the processor and waits until it is RUNNING. With the reference from the topics and no complete load
     * there yet, it creates missing reference topics, starts with processing paused and returns once the client is
     * up: claims wait (and {@link #ready()} is false) until a complete load is in force.
     */
    public ProcessorApp start(Duration timeout) {
        Properties props = new Properties();
        props.putAll(config);
        topology = ClaimTopology.build(config, engine::get, referenceFromTopics ? this::reload : null,
                referenceFromTopics ? this::reloadPolicies : null);
        streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; shutting the client down", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                LOG.info("processor RUNNING as {}", config.get(StreamsConfig.APPLICATION_ID_CONFIG));
            }
        });
        if (referenceFromTopics && !referenceReady) {
            ensureReferenceTopics(timeout);
            streams.pause();
            LOG.info("waiting for the reference: no claim is processed until {} hold a complete load marked on {} (load-reference fills them)",
                    String.join(", ", ReferenceRecords.ROW_TOPICS), ReferenceRecords.LOADS);
        }
        streams.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING && !(waitingForReference() && streams.state() == KafkaStreams.State.REBALANCING)) {
            if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR
                    || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException("processor not RUNNING after " + timeout + " (state " + streams.state() + ")");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        if (waitingForReference()) {
            LOG.info("processor started as {}, waiting for the reference", config.get(StreamsConfig.APPLICATION_ID_CONFIG));
        }
        if (events instanceof StreamsObserver observer) {
            observer.bind(streams);
        }
        return this;
    }

    private boolean waitingForReference() {
        return referenceFromTopics && !referenceReady;
    }

    /** The processor reads the reference topics: they must exist before it starts (created here when missing). */
    private void ensureReferenceTopics(Duration timeout) {
        try {
            List<String> created = ReferenceTopics.ensure(ClientConfigs.connection(config), timeout);
            if (!created.isEmpty()) {
                LOG.info("created the missing reference topics {}", created);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot check or create the reference topics " + ReferenceRecords.TOPICS + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }

    /** Puts a policy file from {@code reference.policies} in force for the next claim (null: the processor's own again). */
    public void reloadPolicies(org.claimscrubber.policy.Policies policies) {
        engine.updateAndGet(e -> e.withPolicies(policies == null ? ownPolicies : policies));
    }

    /** Puts a new reference in force for the next claim, without a restart; the first one lets claims through. */
    public void reload(ReferenceData reference) {
        engine.updateAndGet(e -> e.withReference(reference));
        events.referenceInForce(reference);
        if (!referenceReady) {
            referenceReady = true;
            if (streams != null && streams.isPaused()) {
                streams.resume();
                LOG.info("reference in force: processing claims");
            }
        }
    }

    /** Members with history in this instance's stores (RocksDB's estimate), 0 when not running. */
    public long historyEntries() {
        try {
            return streams.store(org.apache.kafka.streams.StoreQueryParameters.fromNameAndType(ClaimTopology.HISTORY_STORE,
                    org.apache.kafka.streams.state.QueryableStoreTypes.<String, Object>keyValueStore())).approximateNumEntries();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** RUNNING, with a complete reference (all three tables) in force, and the cluster answering. */
    public boolean ready() {
        return referenceReady && state() == KafkaStreams.State.RUNNING && clusterAnswers();
    }

    private Admin admin;
    private volatile long lastAnswer;

    /** Whether the cluster answered a metadata request within the last two seconds (asked at most once a second). */
    private synchronized boolean clusterAnswers() {
        long now = System.currentTimeMillis();
        if (now - lastAnswer < 1000) {
            return true;
        }
        if (admin == null) {
            admin = Admin.create(ClientConfigs.connection(config,
                    "request.timeout.ms", 2000, "default.api.timeout.ms", 2000));
        }
        try {
            admin.describeCluster().nodes().get(2, java.util.concurrent.TimeUnit.SECONDS);
            lastAnswer = now;
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.CREATED : streams.state();
    }

    public org.apache.kafka.streams.Topology topology() {
        return topology;
    }

    /** This instance's configuration, defaults applied. */
    public Map<String, Object> config() {
        return config;
    }

    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
        }
        if (streams != null) {
            streams.close(org.apache.kafka.streams.CloseOptions.timeout(Duration.ofSeconds(30))
                    .withGroupMembershipOperation(org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        }
    }
}
