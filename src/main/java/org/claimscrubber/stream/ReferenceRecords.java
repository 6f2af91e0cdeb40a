package org.claimscrubber.stream;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.claimscrubber.avro.CodeReferenceRow;
import org.claimscrubber.avro.MueReferenceRow;
import org.claimscrubber.avro.PtpReferenceRow;
import org.claimscrubber.reference.CatalogRow;
import org.claimscrubber.reference.MueRow;
import org.claimscrubber.reference.PtpRow;

/** Reference rows as the reference topics carry them: their compaction keys and Avro values, both ways. */
public final class ReferenceRecords {
    public static final String CODES = "reference.codes";
    public static final String PTP = "reference.ptp";
    public static final String MUE = "reference.mue";

    private ReferenceRecords() {
    }

    public static String key(PtpRow r) {
        return r.column1() + "|" + r.column2() + "|" + r.effective() + "|" + (r.deletion() == null ? "*" : r.deletion()) + "|"
                + r.modifierIndicator();
    }

    public static String key(LocalDate edition, MueRow r) {
        return edition + "|" + r.code();
    }

    public static String key(LocalDate release, CatalogRow r) {
        return release + "|" + r.code() + "|" + r.modifier();
    }

    public static PtpReferenceRow avro(PtpRow r) {
        return new PtpReferenceRow(r.column1(), r.column2(), r.before1996(), r.effective().toString(),
                r.deletion() == null ? null : r.deletion().toString(), r.modifierIndicator(), r.rationale(), r.source());
    }

    public static PtpRow row(PtpReferenceRow a) {
        return new PtpRow(a.getColumn1(), a.getColumn2(), a.getBefore1996(), LocalDate.parse(a.getEffective()),
                a.getDeletion() == null ? null : LocalDate.parse(a.getDeletion()), a.getModifierIndicator(), a.getRationale(), a.getSource());
    }

    public static MueReferenceRow avro(LocalDate edition, MueRow r) {
        return new MueReferenceRow(edition.toString(), r.code(), r.value(), r.mai(), r.maiText(), r.rationale());
    }

    public static MueRow row(MueReferenceRow a) {
        return new MueRow(a.getCode(), a.getValue(), a.getMai(), a.getMaiText(), a.getRationale());
    }

    public static CodeReferenceRow avro(LocalDate release, String file, CatalogRow r) {
        return new CodeReferenceRow(release.toString(), file, r.code(), r.modifier(), r.description(), r.statusCode(),
                text(r.workRvu()), text(r.nonFacilityPeRvu()), r.nonFacilityNa(), text(r.facilityPeRvu()), r.facilityNa(),
                text(r.mpRvu()), r.pctcIndicator(), r.globalDays(), r.multipleProcedure(), r.bilateralIndicator(),
                text(r.conversionFactor()), r.assistantSurgery());
    }

    public static CatalogRow row(CodeReferenceRow a) {
        return new CatalogRow(a.getCode(), a.getModifier(), a.getDescription(), a.getStatusCode(), number(a.getWorkRvu()),
                number(a.getNonFacilityPeRvu()), a.getNonFacilityNa(), number(a.getFacilityPeRvu()), a.getFacilityNa(),
                number(a.getMpRvu()), a.getPctcIndicator(), a.getGlobalDays(), a.getMultipleProcedure(), a.getBilateralIndicator(),
                number(a.getConversionFactor()), a.getAssistantSurgery());
    }

    private static String text(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }

    private static BigDecimal number(String v) {
        return v == null ? null : new BigDecimal(v).stripTrailingZeros();
    }
}
