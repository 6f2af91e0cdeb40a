package org.claimscrubber.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry held in memory: global ids shared across subjects for the same schema, versions per subject, and
 * compatibility levels checked with Avro's own schema-compatibility API. Serves the {@code mock://} scopes and
 * the embedded HTTP registry. Thread-safe.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {
    /** Compatibility levels as Confluent names them. */
    public static final List<String> LEVELS = List.of("BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE",
            "FULL", "FULL_TRANSITIVE", "NONE");

    private final Map<String, Integer> idByCanonical = new HashMap<>();
    private final Map<Integer, Schema> schemaById = new HashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new TreeMap<>();
    private final Map<String, String> levelBySubject = new HashMap<>();
    private String globalLevel = "BACKWARD";

    @Override
    public synchronized int register(String subject, Schema schema) {
        Integer existing = idByCanonical.get(schema.toString());
        List<Integer> versions = versionsBySubject.get(subject);
        if (existing != null && versions != null && versions.contains(existing)) {
            return existing;
        }
        if (!compatible(subject, schema)) {
            throw new SchemaRegistryException(SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject + "\"");
        }
        int id = existing != null ? existing : schemaById.size() + 1;
        idByCanonical.put(schema.toString(), id);
        schemaById.put(id, schema);
        versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
        return id;
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException(SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        Integer id = idByCanonical.get(schema.toString());
        if (id == null || !versions.contains(id)) {
            throw new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found");
        }
        return id;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemaById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized Version latest(String subject) {
        List<Integer> versions = versions(subject);
        return version(subject, versions.size());
    }

    /** Version {@code n} (1-based) of the subject. */
    public synchronized Version version(String subject, int n) {
        List<Integer> versions = versions(subject);
        if (n < 1 || n > versions.size()) {
            throw new SchemaRegistryException(SchemaRegistryException.VERSION_NOT_FOUND, "Version " + n + " not found.");
        }
        int id = versions.get(n - 1);
        return new Version(subject, id, n, schemaById.get(id));
    }

    /** The version number under which the subject holds this schema. */
    public synchronized Version versionOf(String subject, Schema schema) {
        int id = lookup(subject, schema);
        return version(subject, versionsBySubject.get(subject).indexOf(id) + 1);
    }

    /** The ids of the subject's versions, oldest first. */
    public synchronized List<Integer> versions(String subject) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException(SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        return List.copyOf(versions);
    }

    public synchronized List<String> subjects() {
        return List.copyOf(versionsBySubject.keySet());
    }

    @Override
    public synchronized boolean compatible(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            return true;
        }
        String level = level(subject);
        List<Integer> against = level.endsWith("_TRANSITIVE") ? versions : List.of(versions.get(versions.size() - 1));
        for (int id : against) {
            Schema old = schemaById.get(id);
            boolean backward = readable(schema, old);
            boolean forward = readable(old, schema);
            boolean ok = switch (level.replace("_TRANSITIVE", "")) {
                case "BACKWARD" -> backward;
                case "FORWARD" -> forward;
                case "FULL" -> backward && forward;
                default -> true;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean readable(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }

    /** The subject's level if set, else the global one. */
    public synchronized String level(String subject) {
        return levelBySubject.getOrDefault(subject, globalLevel);
    }

    /** The level set on the subject itself, or null. */
    public synchronized String subjectLevel(String subject) {
        return levelBySubject.get(subject);
    }

    public synchronized String globalLevel() {
        return globalLevel;
    }

    /** Sets the level of a subject, or the global level when the subject is null. */
    public synchronized void setLevel(String subject, String level) {
        if (!LEVELS.contains(level)) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level");
        }
        if (subject == null) {
            globalLevel = level;
        } else {
            levelBySubject.put(subject, level);
        }
    }
}
