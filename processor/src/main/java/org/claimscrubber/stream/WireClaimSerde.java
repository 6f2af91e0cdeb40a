package org.claimscrubber.stream;

import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.serde.AvroSerde;

/** Reads claim events with the registry-aware deserializer and writes them back as the bytes they came in. */
final class WireClaimSerde {
    private WireClaimSerde() {
    }

    static Serde<WireClaim> of(Map<String, Object> config) {
        Deserializer<ClaimSubmitted> claims = AvroSerde.of(ClaimSubmitted.class, config, false).deserializer();
        return Serdes.serdeFrom((topic, wire) -> wire == null ? null : wire.bytes(), (topic, bytes) -> {
            if (bytes == null) {
                throw new SerializationException("null value (a tombstone) on the claims topic");
            }
            return new WireClaim(bytes, claims.deserialize(topic, bytes));
        });
    }
}
