package org.claimscrubber.serde;

import org.apache.avro.Schema;

/** The registry calls a Confluent-compatible Avro serde makes (schema-registry.md §1). */
public interface SchemaRegistry {
    /** Registers the schema under the subject (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id of a schema already registered under the subject; fails with 40401/40403 otherwise. */
    int lookup(String subject, Schema schema);

    /** The schema with this global id; fails with 40403 when unknown. */
    Schema schemaById(int id);

    /** The latest version under the subject; fails with 40401 when the subject is unknown. */
    Version latest(String subject);

    /** Whether the schema is compatible with the subject's latest version under its compatibility level. */
    boolean compatible(String subject, Schema schema);

    /** One registered version of a subject. */
    record Version(String subject, int id, int version, Schema schema) {
    }
}
