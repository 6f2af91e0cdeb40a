package org.claimscrubber.x12;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.claimscrubber.stream.ProcessorApp;
import org.claimscrubber.stream.StreamsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The X12 intake as its own Kafka Streams application ({@code <application.id>-x12-intake}, exactly-once v2 like the
 * processor): started, awaited until RUNNING, closed within 30 s.
 */
public final class X12IntakeApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(X12IntakeApp.class);

    private final Map<String, Object> config;
    private KafkaStreams streams;

    public X12IntakeApp(Map<String, Object> config) {
        Map<String, Object> c = StreamsSettings.defaults(config);
        c.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId(config));
        this.config = c;
    }

    /** The intake's application id for this configuration: the processor's ({@code application.id}) + {@code -x12-intake}. */
    public static String applicationId(Map<String, Object> config) {
        return StreamsSettings.defaults(config).get(StreamsConfig.APPLICATION_ID_CONFIG) + "-x12-intake";
    }

    /** Creates {@code claims.x12}, {@code claims.x12.ack} and {@code claims.x12.pending} where missing. */
    public static void ensureTopics(Map<String, Object> config, int partitions) {
        X12Topics topics = X12Topics.from(config);
        ProcessorApp.ensureTopics(config, List.of(topics.x12(), topics.ack(), topics.pending()), partitions);
    }

    public X12IntakeApp start(Duration timeout) {
        Properties props = new Properties();
        props.putAll(config);
        streams = new KafkaStreams(X12IntakeTopology.build(config), props);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("X12 intake thread failed; shutting the client down", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException("X12 intake not RUNNING after " + timeout + " (state " + streams.state() + ")");
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        LOG.info("X12 intake RUNNING as {}", config.get(StreamsConfig.APPLICATION_ID_CONFIG));
        return this;
    }

    public KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.CREATED : streams.state();
    }

    @Override
    public void close() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
        }
    }
}
