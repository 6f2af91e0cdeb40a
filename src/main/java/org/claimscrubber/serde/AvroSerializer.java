package org.claimscrubber.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records in the Confluent wire format: magic byte 0, the schema id as a big-endian int, then the
 * Avro binary body. Registers the schema (or looks it up, or takes the subject's latest) as
 * {@code auto.register.schemas} and {@code use.latest.version} say.
 */
public final class AvroSerializer<T extends GenericContainer> implements Serializer<T> {
    static final byte MAGIC = 0;

    private SerdeConfig config;
    private boolean isKey;
    private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final Map<String, SchemaRegistry.Version> latest = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, Schema schema) {
    }

    public AvroSerializer() {
        AvroTrust.ensure();
    }

    public AvroSerializer(SerdeConfig config, boolean isKey) {
        this();
        this.config = config;
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = SerdeConfig.from(configs, isKey);
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        Schema schema = data.getSchema();
        String subject = config.subject(topic, isKey, schema);
        int id;
        Schema writeWith = schema;
        if (config.useLatestVersion()) {
            SchemaRegistry.Version v = latest.computeIfAbsent(subject, s -> config.registry().latest(s));
            id = v.id();
            writeWith = v.schema();
        } else {
            id = ids.computeIfAbsent(new SubjectSchema(subject, schema),
                    k -> config.autoRegister() ? config.registry().register(subject, schema) : config.registry().lookup(subject, schema));
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(MAGIC);
            out.write(ByteBuffer.allocate(4).putInt(id).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(writeWith, w -> new SpecificDatumWriter<>(w,
                    w.equals(schema) ? AvroModels.GENERATED_CODERS : SpecificData.getForSchema(w))).write(data, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot serialize " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }
}
