package org.claimscrubber.reference;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * ICD-10-CM code sets by release (fiscal year from October 1, April updates): for a date of service, the latest
 * loaded release in force then says whether a code exists and whether it is billable (valid for HIPAA transactions)
 * or only a header of more specific codes. Codes are kept without the dot.
 */
public final class DiagnosisCodes {
    private static final DiagnosisCodes EMPTY = new DiagnosisCodes(new TreeMap<>());

    /** What a release says of a code. */
    public enum Status { BILLABLE, HEADER, UNKNOWN }

    /** One release: its name (the file it came from), its effective date and its codes (true = billable). */
    public record Release(String name, LocalDate effective, Map<String, Boolean> codes) {
        public Status status(String code) {
            Boolean billable = codes.get(code);
            return billable == null ? Status.UNKNOWN : billable ? Status.BILLABLE : Status.HEADER;
        }
    }

    private final TreeMap<LocalDate, Release> releases;

    private DiagnosisCodes(TreeMap<LocalDate, Release> releases) {
        this.releases = releases;
    }

    public static DiagnosisCodes empty() {
        return EMPTY;
    }

    public DiagnosisCodes with(Release release) {
        TreeMap<LocalDate, Release> next = new TreeMap<>(releases);
        next.put(release.effective(), release);
        return new DiagnosisCodes(next);
    }

    /** The release in force on the date, or null: before the first loaded release, or with none loaded, codes are not checked. */
    public Release releaseOn(LocalDate date) {
        Map.Entry<LocalDate, Release> e = releases.floorEntry(date);
        return e == null ? null : e.getValue();
    }

    public boolean isEmpty() {
        return releases.isEmpty();
    }

    public java.util.Collection<Release> releases() {
        return releases.values();
    }
}
