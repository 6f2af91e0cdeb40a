package org.claimscrubber.reference;

import java.time.LocalDate;

/** Receives reference rows as they are read, with the edition or release each belongs to. */
public interface ReferenceVisitor {
    void ptp(PtpRow row);

    void mue(LocalDate edition, MueRow row);

    void code(LocalDate release, String file, CatalogRow row);

    /** A row of an add-on code release ({@code AOC_V2026Q2}); only the newest loaded release is used. */
    default void addOn(String release, AddOnRow row) {
    }

    /** A code of an ICD-10-CM release in force from {@code effective}, read from {@code file}. */
    default void diagnosis(LocalDate effective, String file, String code, boolean billable) {
    }

    /** A locality's GPCIs in the GPCI file of {@code year}. */
    default void gpci(int year, String file, GpciRow row) {
    }

    /** A row of the locality-to-county file of {@code year}. */
    default void localityCounty(int year, String file, LocalityCounty row) {
    }

    /** A record of the ZIP code to carrier locality file in force from {@code effective}. */
    default void zip(LocalDate effective, String file, ZipLocality row) {
    }

    /** Called once per file read, after its rows. */
    default void report(ReadReport report) {
    }
}
