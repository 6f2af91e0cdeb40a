package org.claimscrubber.serde;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format: checks the magic byte, fetches the writer schema by id (cached), and resolves
 * the body into the reader schema (a specific record class), or into a generic record of the writer schema when
 * there is no reader schema. A registry that cannot answer is {@link RegistryUnavailableException}, passed on as is;
 * an unknown id (40403) or a schema that cannot be parsed or resolved is a {@link SerializationException} about the
 * record.
 */
public final class AvroDeserializer<T> implements Deserializer<T> {
    private final Schema readerSchema;
    private SerdeConfig config;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    /** @param readerSchema the schema to read into, or null for generic records of the writer's schema */
    public AvroDeserializer(Schema readerSchema) {
        AvroTrust.ensure();
        this.readerSchema = readerSchema;
    }

    public AvroDeserializer(Schema readerSchema, SerdeConfig config) {
        this(readerSchema);
        this.config = config;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = SerdeConfig.from(configs, isKey);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < 5 || data[0] != AvroSerializer.MAGIC) {
            throw new SerializationException("Unknown magic byte: not a Confluent-framed Avro record (topic " + topic + ", "
                    + data.length + " bytes)");
        }
        int id = ByteBuffer.wrap(data, 1, 4).getInt();
        try {
            DatumReader<T> reader = readers.computeIfAbsent(id, this::reader);
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, 5, data.length - 5, null);
            return reader.read(null, decoder);
        } catch (SerializationException e) {
            throw e;
        } catch (Exception e) {
            throw new SerializationException("cannot read Avro record with schema id " + id + " from topic " + topic + ": " + e, e);
        }
    }

    private DatumReader<T> reader(int id) {
        Schema writer = config.registry().schemaById(id);
        if (readerSchema == null) {
            return new GenericDatumReader<>(writer, writer, GenericData.get());
        }
        Schema reader = readerSchema;
        // Same schema both sides (the usual case): Avro's generated decoders; otherwise full schema resolution.
        return writer.equals(reader) ? new SpecificDatumReader<>(writer, reader, AvroModels.GENERATED_CODERS)
                : new SpecificDatumReader<>(writer, reader);
    }
}
