package org.claimscrubber.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What locality pricing reads: the ZIP code to carrier locality files by the date they are in force from, the GPCI
 * files by year, and the locality-to-county files by year. A ZIP file is in force from its month until the next one;
 * GPCIs are chosen by the year of the RVU release that prices the line (never another year's); county lists, which
 * only describe a locality, come from the latest file of that year or before. Immutable.
 */
public final class Localities {
    private static final Localities EMPTY = new Localities(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());

    private final NavigableMap<LocalDate, ZipEdition> zips;
    private final NavigableMap<Integer, GpciYear> gpcis;
    private final NavigableMap<Integer, CountyYear> counties;

    private Localities(NavigableMap<LocalDate, ZipEdition> zips, NavigableMap<Integer, GpciYear> gpcis,
                       NavigableMap<Integer, CountyYear> counties) {
        this.zips = zips;
        this.gpcis = gpcis;
        this.counties = counties;
    }

    public static Localities empty() {
        return EMPTY;
    }

    /** The carrier-locality key of the ZIP, GPCI and county files: MAC and locality number, {@code 01182-18}. */
    public static String key(String mac, String locality) {
        return mac + "-" + locality;
    }

    /** One ZIP5 file: its ZIP records by ZIP code. */
    public record ZipEdition(LocalDate effective, String file, Map<String, ZipLocality> byZip) {
        public ZipLocality zip(String zip) {
            return byZip.get(zip);
        }
    }

    /** One year's GPCI file: its rows by carrier-locality key. */
    public record GpciYear(int year, String file, Map<String, GpciRow> byKey) {
        public GpciRow row(String key) {
            return byKey.get(key);
        }
    }

    /** One year's locality-to-county file: its rows by carrier-locality key (a locality may have several). */
    public record CountyYear(int year, String file, Map<String, List<LocalityCounty>> byKey) {
    }

    /** The ZIP file in force on the date, or null before the first one. */
    public ZipEdition zipsOn(LocalDate date) {
        Map.Entry<LocalDate, ZipEdition> e = zips.floorEntry(date);
        return e == null ? null : e.getValue();
    }

    /** The GPCI file of exactly this year, or null. */
    public GpciYear gpci(int year) {
        return gpcis.get(year);
    }

    /** The county file of this year or the latest before it, or null. */
    public CountyYear countiesFor(int year) {
        Map.Entry<Integer, CountyYear> e = counties.floorEntry(year);
        return e == null ? null : e.getValue();
    }

    public NavigableMap<LocalDate, ZipEdition> zipEditions() {
        return Collections.unmodifiableNavigableMap(zips);
    }

    public NavigableMap<Integer, GpciYear> gpciYears() {
        return Collections.unmodifiableNavigableMap(gpcis);
    }

    public NavigableMap<Integer, CountyYear> countyYears() {
        return Collections.unmodifiableNavigableMap(counties);
    }

    public boolean isEmpty() {
        return zips.isEmpty() && gpcis.isEmpty() && counties.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects rows in any order (files, or the reference topics). */
    public static final class Builder {
        private final Map<LocalDate, String> zipFiles = new HashMap<>();
        private final Map<LocalDate, Map<String, ZipLocality>> zipRows = new HashMap<>();
        private final Map<Integer, String> gpciFiles = new HashMap<>();
        private final Map<Integer, Map<String, GpciRow>> gpciRows = new HashMap<>();
        private final Map<Integer, String> countyFiles = new HashMap<>();
        private final Map<Integer, Map<String, List<LocalityCounty>>> countyRows = new HashMap<>();

        public Builder zip(LocalDate effective, String file, ZipLocality row) {
            zipFiles.putIfAbsent(effective, file);
            zipRows.computeIfAbsent(effective, e -> new HashMap<>(1 << 16)).put(row.zip(), row);
            return this;
        }

        public Builder gpci(int year, String file, GpciRow row) {
            gpciFiles.putIfAbsent(year, file);
            gpciRows.computeIfAbsent(year, y -> new HashMap<>()).put(row.key(), row);
            return this;
        }

        public Builder county(int year, String file, LocalityCounty row) {
            countyFiles.putIfAbsent(year, file);
            countyRows.computeIfAbsent(year, y -> new HashMap<>()).computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row);
            return this;
        }

        public Localities build() {
            if (zipRows.isEmpty() && gpciRows.isEmpty() && countyRows.isEmpty()) {
                return EMPTY;
            }
            TreeMap<LocalDate, ZipEdition> zips = new TreeMap<>();
            zipRows.forEach((d, rows) -> zips.put(d, new ZipEdition(d, zipFiles.get(d), Map.copyOf(rows))));
            TreeMap<Integer, GpciYear> gpcis = new TreeMap<>();
            gpciRows.forEach((y, rows) -> gpcis.put(y, new GpciYear(y, gpciFiles.get(y), Map.copyOf(rows))));
            TreeMap<Integer, CountyYear> counties = new TreeMap<>();
            countyRows.forEach((y, rows) -> {
                Map<String, List<LocalityCounty>> copy = new HashMap<>();
                rows.forEach((k, v) -> copy.put(k, List.copyOf(v)));
                counties.put(y, new CountyYear(y, countyFiles.get(y), Map.copyOf(copy)));
            });
            return new Localities(zips, gpcis, counties);
        }
    }
}
