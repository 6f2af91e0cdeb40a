package org.claimscrubber.stream;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.claimscrubber.avro.AddOnReferenceRow;
import org.claimscrubber.avro.CodeReferenceRow;
import org.claimscrubber.avro.DiagnosisReferenceRow;
import org.claimscrubber.avro.LocalityReferenceRow;
import org.claimscrubber.avro.MueReferenceRow;
import org.claimscrubber.avro.PtpReferenceRow;
import org.claimscrubber.reference.AddOnRow;
import org.claimscrubber.reference.CatalogRow;
import org.claimscrubber.reference.GpciRow;
import org.claimscrubber.reference.LocalityCounty;
import org.claimscrubber.reference.ReferenceVisitor;
import org.claimscrubber.reference.ZipLocality;
import org.claimscrubber.reference.MueRow;
import org.claimscrubber.reference.PtpRow;

/** Reference rows as the reference topics carry them: their compaction keys and Avro values, both ways. */
public final class ReferenceRecords {
    public static final String CODES = "reference.codes";
    public static final String PTP = "reference.ptp";
    public static final String MUE = "reference.mue";
    public static final String ADD_ONS = "reference.addons";
    public static final String DIAGNOSES = "reference.diagnoses";
    /** GPCI, locality-to-county and ZIP5 rows (locality pricing). */
    public static final String LOCALITIES = "reference.localities";
    /** The policy file in force, under {@link #POLICIES_KEY} (schema reference-policies.avsc); not part of a reference load. */
    public static final String POLICIES = "reference.policies";
    public static final String POLICIES_KEY = "policies";
    /** Load markers: under {@link #LOAD_KEY}, the newest completed load and what the three row topics then hold. */
    public static final String LOADS = "reference.loads";
    public static final String LOAD_KEY = "reference";
    /** The topics of reference rows, in load order. */
    public static final java.util.List<String> ROW_TOPICS = java.util.List.of(PTP, MUE, CODES, ADD_ONS, DIAGNOSES, LOCALITIES);
    /** Every reference topic, the marker topic last. */
    public static final java.util.List<String> TOPICS = java.util.List.of(PTP, MUE, CODES, ADD_ONS, DIAGNOSES, LOCALITIES, POLICIES, LOADS);

    private ReferenceRecords() {
    }

    public static String key(String release, AddOnRow r) {
        return release + "|" + r.addOn() + "|" + r.primary() + "|" + r.effective();
    }

    public static AddOnReferenceRow avro(String release, AddOnRow r) {
        return new AddOnReferenceRow(release, r.type(), r.addOn(), r.primary(), r.effective().toString(),
                r.deletion() == null ? null : r.deletion().toString());
    }

    public static AddOnRow row(AddOnReferenceRow a) {
        return new AddOnRow(a.getType(), a.getAddOn(), a.getPrimary(), LocalDate.parse(a.getEffective()),
                a.getDeletion() == null ? null : LocalDate.parse(a.getDeletion()));
    }

    public static String key(LocalDate effective, String code) {
        return effective + "|" + code;
    }

    public static DiagnosisReferenceRow avro(LocalDate effective, String file, String code, boolean billable) {
        return new DiagnosisReferenceRow(effective.toString(), file, code, billable);
    }

    public static String key(int year, GpciRow r) {
        return "GPCI|" + year + "|" + r.key();
    }

    public static String key(int year, LocalityCounty r) {
        return "COUNTY|" + year + "|" + r.key() + "|" + r.area();
    }

    public static String key(LocalDate effective, ZipLocality r) {
        return "ZIP|" + effective + "|" + r.zip();
    }

    public static LocalityReferenceRow avro(int year, String file, GpciRow r) {
        return new LocalityReferenceRow("GPCI", LocalDate.of(year, 1, 1).toString(), file, r.mac(), r.locality(), r.state(), r.name(), "",
                null, r.work().toPlainString(), r.pe().toPlainString(), r.mp().toPlainString(), r.workFloor(), r.notes(), "", false, "");
    }

    public static LocalityReferenceRow avro(int year, String file, LocalityCounty r) {
        return new LocalityReferenceRow("COUNTY", LocalDate.of(year, 1, 1).toString(), file, r.mac(), r.locality(), r.state(), r.area(),
                r.counties(), null, null, null, null, false, "", "", false, "");
    }

    public static LocalityReferenceRow avro(LocalDate effective, String file, ZipLocality r) {
        return new LocalityReferenceRow("ZIP", effective.toString(), file, r.mac(), r.locality(), r.state(), "", "", r.zip(), null, null,
                null, false, "", String.valueOf(r.rural()), r.plusFour(), r.yearQuarter());
    }

    /** Hands a locality row to the visitor as the files' readers would; throws on an unknown kind. */
    public static void visit(LocalityReferenceRow a, ReferenceVisitor into) {
        LocalDate effective = LocalDate.parse(a.getEffective());
        switch (a.getKind()) {
            case "GPCI" -> into.gpci(effective.getYear(), a.getFile(), new GpciRow(a.getMac(), a.getState(), a.getLocality(), a.getName(),
                    new BigDecimal(a.getWorkGpci()), new BigDecimal(a.getPeGpci()), new BigDecimal(a.getMpGpci()), a.getWorkFloor(),
                    a.getNotes()));
            case "COUNTY" -> into.localityCounty(effective.getYear(), a.getFile(), new LocalityCounty(a.getMac(), a.getLocality(),
                    a.getState(), a.getName(), a.getCounties()));
            case "ZIP" -> into.zip(effective, a.getFile(), new ZipLocality(a.getZip(), a.getState(), a.getMac(), a.getLocality(),
                    a.getRural().isEmpty() ? ' ' : a.getRural().charAt(0), a.getPlusFour(), a.getYearQuarter()));
            default -> throw new IllegalArgumentException("unknown locality row kind '" + a.getKind() + "'");
        }
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
