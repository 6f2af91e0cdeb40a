package org.claimscrubber.stream;

import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.serde.AvroSerde;

/** The benchmark's yardstick: claims read and written back with the same serde and settings, and no work. */
public final class Passthrough {
    private Passthrough() {
    }

    public static Topology build(Map<String, Object> config, String in, String out) {
        AvroSerde<ClaimSubmitted> serde = AvroSerde.of(ClaimSubmitted.class, config, false);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.String(), serde).withName("passthrough-source"))
                .mapValues(v -> v, Named.as("passthrough"))
                .to(out, Produced.with(Serdes.String(), serde).withName("passthrough-sink"));
        return builder.build();
    }
}
