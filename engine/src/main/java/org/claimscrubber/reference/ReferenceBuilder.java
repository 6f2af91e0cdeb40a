package org.claimscrubber.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects reference rows from any source (CMS files, or the reference topics' stores) and builds the
 * immutable {@link ReferenceData}: PTP rows merged, MUE rows by edition, fee-schedule rows by release.
 */
public final class ReferenceBuilder implements ReferenceVisitor {
    private final PtpTable.Builder ptp = PtpTable.builder();
    private final Map<LocalDate, Map<String, MueRow>> mue = new TreeMap<>();
    private final Map<LocalDate, FeeSchedule.Release.Builder> releases = new TreeMap<>();
    private final List<ReadReport> reports = new ArrayList<>();
    private final TreeMap<String, List<AddOnRow>> addOns = new TreeMap<>();
    private final Map<LocalDate, Map<String, Boolean>> diagnoses = new TreeMap<>();
    private final Map<LocalDate, String> diagnosisFiles = new TreeMap<>();
    private final Localities.Builder localities = Localities.builder();

    @Override
    public void ptp(PtpRow row) {
        ptp.add(row);
    }

    @Override
    public void mue(LocalDate edition, MueRow row) {
        mue.computeIfAbsent(edition, e -> MueTable.newEdition()).put(row.code(), row);
    }

    @Override
    public void code(LocalDate release, String file, CatalogRow row) {
        releases.computeIfAbsent(release, r -> FeeSchedule.Release.builder(r, file)).add(row);
    }

    @Override
    public void addOn(String release, AddOnRow row) {
        addOns.computeIfAbsent(release, r -> new ArrayList<>()).add(row);
    }

    @Override
    public void diagnosis(LocalDate effective, String file, String code, boolean billable) {
        diagnoses.computeIfAbsent(effective, e -> new java.util.HashMap<>(1 << 17)).put(code, billable);
        diagnosisFiles.putIfAbsent(effective, file);
    }

    @Override
    public void gpci(int year, String file, GpciRow row) {
        localities.gpci(year, file, row);
    }

    @Override
    public void localityCounty(int year, String file, LocalityCounty row) {
        localities.county(year, file, row);
    }

    @Override
    public void zip(LocalDate effective, String file, ZipLocality row) {
        localities.zip(effective, file, row);
    }

    @Override
    public void report(ReadReport report) {
        reports.add(report);
    }

    public ReferenceData build() {
        MueTable mues = MueTable.empty();
        for (Map.Entry<LocalDate, Map<String, MueRow>> e : mue.entrySet()) {
            mues = mues.with(e.getKey(), e.getValue());
        }
        FeeSchedule fees = FeeSchedule.empty();
        for (FeeSchedule.Release.Builder r : releases.values()) {
            fees = fees.with(r.build());
        }
        AddOnTable addOnTable = addOns.isEmpty() ? AddOnTable.empty() : AddOnTable.of(addOns.lastKey(), addOns.lastEntry().getValue());
        DiagnosisCodes codes = DiagnosisCodes.empty();
        for (Map.Entry<LocalDate, Map<String, Boolean>> e : diagnoses.entrySet()) {
            codes = codes.with(new DiagnosisCodes.Release(diagnosisFiles.get(e.getKey()), e.getKey(), Map.copyOf(e.getValue())));
        }
        return new ReferenceData(ptp.build(), mues, fees, addOnTable, codes, localities.build(), List.copyOf(reports));
    }
}
