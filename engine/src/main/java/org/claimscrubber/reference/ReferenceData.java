package org.claimscrubber.reference;

import java.time.LocalDate;
import java.util.List;

/**
 * The reference view the edit engine reads: NCCI PTP rows, MUE editions, fee-schedule releases, the add-on code
 * edits, the ICD-10-CM code sets and the locality pricing files, each chosen by date of service (GPCIs by the year of
 * the RVU release). Immutable; a reload builds a new one.
 */
public record ReferenceData(PtpTable ptp, MueTable mue, FeeSchedule fees, AddOnTable addOns, DiagnosisCodes diagnoses,
                            Localities localities, List<ReadReport> reports) {

    /** A reference without locality files (every line priced with national GPCIs). */
    public ReferenceData(PtpTable ptp, MueTable mue, FeeSchedule fees, AddOnTable addOns, DiagnosisCodes diagnoses,
                         List<ReadReport> reports) {
        this(ptp, mue, fees, addOns, diagnoses, Localities.empty(), reports);
    }

    public static ReferenceData empty() {
        return new ReferenceData(PtpTable.builder().build(), MueTable.empty(), FeeSchedule.empty(), AddOnTable.empty(),
                DiagnosisCodes.empty(), Localities.empty(), List.of());
    }

    /** The PTP edit in force for the ordered pair on the date, or null. */
    public PtpTable.Edit ptpEdit(int column1Key, int column2Key, LocalDate date) {
        return ptp.inForce(column1Key, column2Key, (int) date.toEpochDay());
    }

    public MueRow mue(String code, LocalDate date) {
        return mue.limit(code, date);
    }

    public FeeSchedule.Release release(LocalDate date) {
        return fees.releaseOn(date);
    }
}
