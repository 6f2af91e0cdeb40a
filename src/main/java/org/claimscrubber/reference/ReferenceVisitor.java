package org.claimscrubber.reference;

import java.time.LocalDate;

/** Receives reference rows as they are read, with the edition or release each belongs to. */
public interface ReferenceVisitor {
    void ptp(PtpRow row);

    void mue(LocalDate edition, MueRow row);

    void code(LocalDate release, String file, CatalogRow row);

    /** Called once per file read, after its rows. */
    default void report(ReadReport report) {
    }
}
