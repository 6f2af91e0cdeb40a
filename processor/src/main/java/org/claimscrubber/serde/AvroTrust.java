package org.claimscrubber.serde;

import org.apache.avro.util.ClassSecurityValidator;

/** Lets Avro 1.12's class-security check accept this project's generated record classes, and nothing else new. */
final class AvroTrust {
    private static final String PACKAGE = "org.claimscrubber.avro.";

    static {
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, c -> c.getName().startsWith(PACKAGE)));
    }

    private AvroTrust() {
    }

    /** Runs the static set-up once; call before the first specific read or write. */
    static void ensure() {
        // class initialisation does the work
    }
}
