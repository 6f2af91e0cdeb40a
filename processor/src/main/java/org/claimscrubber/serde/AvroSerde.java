package org.claimscrubber.serde;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Confluent-wire-compatible Avro serde for one specific record class. */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
    private final AvroSerializer<T> serializer = new AvroSerializer<>();
    private final AvroDeserializer<T> deserializer;

    public AvroSerde(Class<T> type) {
        Schema schema = SpecificData.get().getSchema(type);
        this.deserializer = new AvroDeserializer<>(schema);
    }

    /** A serde already configured, for callers outside Kafka's configure cycle. */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, Map<String, ?> configs, boolean isKey) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(configs, isKey);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
