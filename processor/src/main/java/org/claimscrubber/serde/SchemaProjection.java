package org.claimscrubber.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Writes a record of one schema as a record of another that can read it (a registry's latest version with, say,
 * an added optional field): fields are matched by name, as Avro schema resolution does, and fields the record lacks
 * take their defaults. The record is written in its own schema, resolved into the target schema, and written again.
 */
final class SchemaProjection {
    private final SpecificDatumWriter<Object> own;
    private final GenericDatumReader<Object> resolve;
    private final GenericDatumWriter<Object> target;

    SchemaProjection(Schema from, Schema to) {
        this.own = new SpecificDatumWriter<>(from, SpecificData.getForSchema(from));
        this.resolve = new GenericDatumReader<>(from, to, GenericData.get());
        this.target = new GenericDatumWriter<>(to, GenericData.get());
    }

    void write(Object datum, Encoder out) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);
        own.write(datum, encoder);
        encoder.flush();
        Object resolved = resolve.read(null, DecoderFactory.get().binaryDecoder(buffer.toByteArray(), null));
        target.write(resolved, out);
    }
}
