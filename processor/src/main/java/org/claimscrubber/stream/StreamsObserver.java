package org.claimscrubber.stream;

import org.apache.kafka.streams.KafkaStreams;

/** An observer that also wants the Kafka Streams client, once it runs (to bind its client metrics). */
public interface StreamsObserver extends ProcessorEvents {
    void bind(KafkaStreams streams);
}
