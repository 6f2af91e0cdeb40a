package org.claimscrubber.reference;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** The loaded MUE editions; the edition in force on a date is the latest whose effective date is on or before it. */
public final class MueTable {
    private final NavigableMap<LocalDate, Map<String, MueRow>> editions;

    private MueTable(NavigableMap<LocalDate, Map<String, MueRow>> editions) {
        this.editions = editions;
    }

    public static MueTable empty() {
        return new MueTable(new TreeMap<>());
    }

    /** The MUE row for the code on the date, or null when the code has no limit then. */
    public MueRow limit(String code, LocalDate date) {
        Map.Entry<LocalDate, Map<String, MueRow>> edition = editions.floorEntry(date);
        return edition == null ? null : edition.getValue().get(code);
    }

    /** The effective date of the edition in force on the date, or null before the first edition. */
    public LocalDate editionOn(LocalDate date) {
        return editions.floorKey(date);
    }

    public NavigableMap<LocalDate, Map<String, MueRow>> editions() {
        return Collections.unmodifiableNavigableMap(editions);
    }

    /** Adds one edition; replaces an edition with the same effective date. */
    public MueTable with(LocalDate effective, Map<String, MueRow> rows) {
        TreeMap<LocalDate, Map<String, MueRow>> copy = new TreeMap<>(editions);
        copy.put(effective, Map.copyOf(rows));
        return new MueTable(copy);
    }

    public static Map<String, MueRow> newEdition() {
        return new HashMap<>();
    }
}
