package org.claimscrubber.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/** The Avro data models the serdes use. */
public final class AvroModels {
    /**
     * Specific records through the encode and decode methods Avro generates for each class, instead of the
     * schema-walking writer and reader: about twice as fast on claims and decisions. Only valid when the record is
     * written with its own class's schema (a registry's "latest version" may differ: those writes use the default
     * model), and our schemas carry no logical types, which this model has no conversions for.
     */
    public static final SpecificData GENERATED_CODERS = generatedCoders();

    /** The property Avro's code generator adds to every string type for {@code stringType String}; Java-only. */
    static final String JAVA_STRING = "avro.java.string";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Schema, Schema> PUBLISHED = new ConcurrentHashMap<>();

    private AvroModels() {
    }

    /**
     * The schema as published in {@code schemas/*.avsc}: a generated class's schema without {@value #JAVA_STRING}, the
     * Java-only property the code generator puts on every string. A registry compares schemas by their canonical text,
     * properties included, so registering or looking up the generated form would miss the schema that any other client
     * registered from the published file (Confluent's JavaScript client, say), and register a second version beside it.
     * The binary encoding is the same either way.
     */
    public static Schema published(Schema schema) {
        return PUBLISHED.computeIfAbsent(schema, AvroModels::withoutJavaProperties);
    }

    private static Schema withoutJavaProperties(Schema schema) {
        String text = schema.toString();
        if (!text.contains(JAVA_STRING)) {
            return schema;
        }
        try {
            JsonNode tree = JSON.readTree(text);
            strip(tree);
            return new Schema.Parser().parse(tree.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(JAVA_STRING);
        }
        node.forEach(AvroModels::strip);
    }

    private static SpecificData generatedCoders() {
        SpecificData data = new SpecificData(AvroModels.class.getClassLoader());
        data.setCustomCoders(true);
        return data;
    }
}
