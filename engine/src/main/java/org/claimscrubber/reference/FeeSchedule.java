package org.claimscrubber.reference;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The loaded fee-schedule releases. The rows in force on a date come from the latest release whose
 * effective date is on or before it, with no fall-back to older releases.
 */
public final class FeeSchedule {
    private final NavigableMap<LocalDate, Release> releases;

    private FeeSchedule(NavigableMap<LocalDate, Release> releases) {
        this.releases = releases;
    }

    public static FeeSchedule empty() {
        return new FeeSchedule(new TreeMap<>());
    }

    /** The release in force on the date, or null before the first release. */
    public Release releaseOn(LocalDate date) {
        Map.Entry<LocalDate, Release> e = releases.floorEntry(date);
        return e == null ? null : e.getValue();
    }

    public NavigableMap<LocalDate, Release> releases() {
        return Collections.unmodifiableNavigableMap(releases);
    }

    public FeeSchedule with(Release release) {
        TreeMap<LocalDate, Release> copy = new TreeMap<>(releases);
        copy.put(release.effective(), release);
        return new FeeSchedule(copy);
    }

    /** One PPRRVU release: per code, the row without modifier and the rows with one. */
    public record Release(LocalDate effective, String file, Map<String, CodeRows> codes) {
        /** The rows of a code, or null when the release has none. */
        public CodeRows rows(String code) {
            return codes.get(code);
        }

        /** How many rows (with and without modifier) carry each status code, by status code. */
        public java.util.SortedMap<String, Integer> rowsByStatus() {
            java.util.SortedMap<String, Integer> counts = new TreeMap<>();
            for (CodeRows rows : codes.values()) {
                if (rows.base() != null) {
                    counts.merge(rows.base().statusCode(), 1, Integer::sum);
                }
                for (CatalogRow row : rows.byModifier().values()) {
                    counts.merge(row.statusCode(), 1, Integer::sum);
                }
            }
            return counts;
        }

        public static Builder builder(LocalDate effective, String file) {
            return new Builder(effective, file);
        }

        public static final class Builder {
            private final LocalDate effective;
            private final String file;
            private final Map<String, CatalogRow> base = new HashMap<>();
            private final Map<String, Map<String, CatalogRow>> modified = new HashMap<>();

            private Builder(LocalDate effective, String file) {
                this.effective = effective;
                this.file = file;
            }

            public Builder add(CatalogRow row) {
                if (row.modifier().isEmpty()) {
                    base.put(row.code(), row);
                } else {
                    modified.computeIfAbsent(row.code(), k -> new HashMap<>()).put(row.modifier(), row);
                }
                return this;
            }

            public Release build() {
                Map<String, CodeRows> codes = new HashMap<>();
                for (Map.Entry<String, CatalogRow> e : base.entrySet()) {
                    codes.put(e.getKey(), new CodeRows(e.getValue(), sorted(modified.getOrDefault(e.getKey(), Map.of()))));
                }
                for (Map.Entry<String, Map<String, CatalogRow>> e : modified.entrySet()) {
                    codes.putIfAbsent(e.getKey(), new CodeRows(null, sorted(e.getValue())));
                }
                return new Release(effective, file, codes);
            }

            private static Map<String, CatalogRow> sorted(Map<String, CatalogRow> rows) {
                return Collections.unmodifiableSortedMap(new TreeMap<>(rows));
            }
        }
    }

    /** The rows of one code in one release. */
    public record CodeRows(CatalogRow base, Map<String, CatalogRow> byModifier) {
        /** The row for the pricing modifier (26, TC or 53) where there is one, else the row without modifier. */
        public CatalogRow pricing(String pricingModifier) {
            if (pricingModifier != null) {
                CatalogRow row = byModifier.get(pricingModifier);
                if (row != null) {
                    return row;
                }
            }
            return base != null ? base : byModifier.values().iterator().next();
        }
    }
}
