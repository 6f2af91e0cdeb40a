package org.claimscrubber.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records in the Confluent wire format: magic byte 0, the schema id as a big-endian int, then the
 * Avro binary body. Registers the schema (or looks it up, or takes the subject's latest) as
 * {@code auto.register.schemas} and {@code use.latest.version} say. With {@code use.latest.version}, as Confluent's
 * serializer does, the record is written with the latest schema and its id, after {@code latest.compatibility.strict}
 * (default true) has checked that the latest schema can read records of ours; a latest schema with a field we do not
 * have writes that field's default. The latest version is kept for {@code latest.cache.ttl.sec} (default: for good).
 * A registry that cannot answer fails the write with {@link RegistryUnavailableException}.
 */
public final class AvroSerializer<T extends GenericContainer> implements Serializer<T> {
    static final byte MAGIC = 0;

    private SerdeConfig config;
    private boolean isKey;
    private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Latest> latest = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, SchemaProjection> projections = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, Schema schema) {
    }

    private record Latest(SchemaRegistry.Version version, long fetchedAt) {
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
            SchemaRegistry.Version v = latestVersion(subject, schema);
            id = v.id();
            writeWith = v.schema();
        } else {
            id = ids.computeIfAbsent(new SubjectSchema(subject, schema),
                    k -> config.autoRegister() ? config.registry().register(subject, AvroModels.published(schema))
                            : lookup(subject, schema));
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(MAGIC);
            out.write(ByteBuffer.allocate(4).putInt(id).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            if (writeWith.equals(schema)) {
                writers.computeIfAbsent(schema, w -> new SpecificDatumWriter<>(w, AvroModels.GENERATED_CODERS)).write(data, encoder);
            } else {
                Schema target = writeWith;
                projections.computeIfAbsent(new SubjectSchema(subject, schema), k -> new SchemaProjection(schema, target))
                        .write(data, encoder);
            }
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot serialize " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    /**
     * The id of our schema under the subject: as published, else as the generated class has it (with {@value
     * AvroModels#JAVA_STRING}), the form that earlier builds registered. Either id names a
     * schema that writes the same bytes.
     */
    private int lookup(String subject, Schema schema) {
        Schema published = AvroModels.published(schema);
        try {
            return config.registry().lookup(subject, published);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() != SchemaRegistryException.SCHEMA_NOT_FOUND) {
                throw e;
            }
            if (published != schema) {
                try {
                    return config.registry().lookup(subject, schema);
                } catch (SchemaRegistryException again) {
                    e.addSuppressed(again);
                }
            }
            SchemaRegistryException named = new SchemaRegistryException(e.errorCode(), "Schema not found under subject '" + subject + "'");
            named.addSuppressed(e);
            throw named;
        }
    }

    /** The subject's latest version, checked and kept as configured; a new latest schema gets a new projection. */
    private SchemaRegistry.Version latestVersion(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        long ttl = config.latestCacheTtlSeconds();
        Latest cached = latest.get(key);
        if (cached != null && (ttl < 0 || System.nanoTime() - cached.fetchedAt() < ttl * 1_000_000_000L)) {
            return cached.version();
        }
        SchemaRegistry.Version v = config.registry().latest(subject);
        if (config.latestCompatibilityStrict() && SchemaCompatibility.checkReaderWriterCompatibility(v.schema(), schema).getType()
                != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException("the latest schema of subject " + subject + " (id " + v.id() + ", version " + v.version()
                    + ") cannot read " + schema.getFullName() + " records of ours. Set " + SerdeConfig.LATEST_COMPATIBILITY_STRICT
                    + "=false to disable this check");
        }
        if (cached == null || !cached.version().schema().equals(v.schema())) {
            projections.remove(key);
        }
        latest.put(key, new Latest(v, System.nanoTime()));
        return v;
    }
}
