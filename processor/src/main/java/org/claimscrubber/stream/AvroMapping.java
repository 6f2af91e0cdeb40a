package org.claimscrubber.stream;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.avro.ClaimLine;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.claim.Frequency;
import org.claimscrubber.claim.IsoDates;
import org.claimscrubber.claim.Line;
import org.claimscrubber.claim.Normalize;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.DecisionLine;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.decision.PriceAdjustment;
import org.claimscrubber.decision.Severity;

/** Between the Avro records on the topics and the engine's own types. */
public final class AvroMapping {
    private AvroMapping() {
    }

    /** The engine's view of a claim event; bad dates and amounts become problems, as in the JSON reader. */
    public static Claim claim(ClaimSubmitted e) {
        List<String> problems = new ArrayList<>(0);
        List<String> diagnoses = new ArrayList<>(e.getDiagnoses().size());
        for (String d : e.getDiagnoses()) {
            diagnoses.add(Normalize.diagnosis(d));
        }
        List<Line> lines = new ArrayList<>(e.getLines().size());
        for (ClaimLine l : e.getLines()) {
            String where = "line " + l.getLineNumber() + ": ";
            LocalDate date = IsoDates.parse(l.getServiceDate());
            if (date == null) {
                problems.add(where + "serviceDate '" + l.getServiceDate() + "' is not an ISO date (yyyy-MM-dd)");
            }
            BigDecimal charge = null;
            if (l.getChargeAmount() != null) {
                try {
                    charge = new BigDecimal(l.getChargeAmount().strip());
                } catch (NumberFormatException ex) {
                    problems.add(where + "chargeAmount '" + l.getChargeAmount() + "' is not a decimal");
                }
            }
            String code = Normalize.code(l.getProcedureCode());
            if (code.isEmpty()) {
                problems.add(where + "procedureCode is missing");
            }
            List<String> modifiers = new ArrayList<>(l.getModifiers().size());
            for (String m : l.getModifiers()) {
                modifiers.add(Normalize.code(m));
            }
            lines.add(new Line(l.getLineNumber(), code, modifiers, l.getUnits(), date, List.copyOf(l.getDiagnosisPointers()), charge,
                    l.getRenderingProviderNpi(), l.getPlaceOfService()));
        }
        return new Claim(e.getEventId(), e.getClaimId(), Frequency.valueOf(e.getFrequency().name()), e.getOriginalClaimId(),
                e.getMemberId(), e.getBillingProviderNpi(), e.getRenderingProviderNpi(), e.getPlaceOfService(), diagnoses, lines,
                e.getSubmittedAt(), e.getBillingProviderZip(), e.getServiceFacilityZip(), e.getPayerId(), problems);
    }

    public static ClaimDecision toAvro(Decision d) {
        List<org.claimscrubber.avro.Finding> findings = new ArrayList<>(d.findings().size());
        for (Finding f : d.findings()) {
            findings.add(new org.claimscrubber.avro.Finding(f.edit(), f.severity().name(), f.lineNumbers(), f.relatedLineNumbers(),
                    f.relatedClaimIds(), f.carc(), f.rarc(), f.message(), f.reference()));
        }
        List<org.claimscrubber.avro.DecisionLine> lines = new ArrayList<>(d.lines().size());
        for (DecisionLine l : d.lines()) {
            lines.add(new org.claimscrubber.avro.DecisionLine(l.lineNumber(), l.procedureCode(), l.description(), l.statusCode(),
                    l.rateSetting(), toDouble(l.workRvu()), toDouble(l.peRvu()), toDouble(l.mpRvu()), toDouble(l.conversionFactor()),
                    l.expectedAllowed() == null ? null : l.expectedAllowed().toPlainString(), l.mueValue(), l.mai(), l.globalDays(),
                    l.pricing(), l.pricingZip(), l.pricingLocality(), l.localityName(), toDouble(l.workGpci()), toDouble(l.peGpci()),
                    toDouble(l.mpGpci()), l.feeScheduleAmount() == null ? null : l.feeScheduleAmount().toPlainString(),
                    adjustments(l.adjustments()), l.adjustedAllowed() == null ? null : l.adjustedAllowed().toPlainString(),
                    l.pricingNote()));
        }
        return new ClaimDecision(d.claimId(), d.eventId(), d.memberId(), org.claimscrubber.avro.Disposition.valueOf(d.disposition().name()),
                findings, lines, new LinkedHashMap<>(d.referenceVersions()), d.processedAt().toString());
    }

    public static Decision fromAvro(ClaimDecision a) {
        List<Finding> findings = new ArrayList<>(a.getFindings().size());
        for (org.claimscrubber.avro.Finding f : a.getFindings()) {
            findings.add(new Finding(f.getEdit(), Severity.valueOf(f.getSeverity()), List.copyOf(f.getLineNumbers()),
                    List.copyOf(f.getRelatedLineNumbers()), List.copyOf(f.getRelatedClaimIds()), f.getCarc(), f.getMessage(),
                    f.getReference(), f.getRarc()));
        }
        List<DecisionLine> lines = new ArrayList<>(a.getLines().size());
        for (org.claimscrubber.avro.DecisionLine l : a.getLines()) {
            lines.add(new DecisionLine(l.getLineNumber(), l.getProcedureCode(), l.getDescription(), l.getStatusCode(), l.getRateSetting(),
                    toDecimal(l.getWorkRvu()), toDecimal(l.getPeRvu()), toDecimal(l.getMpRvu()), toDecimal(l.getConversionFactor()),
                    l.getExpectedAllowed() == null ? null : new BigDecimal(l.getExpectedAllowed()), l.getMueValue(), l.getMai(),
                    l.getGlobalDays(), l.getPricing(), l.getPricingZip(), l.getPricingLocality(), l.getLocalityName(),
                    toDecimal(l.getWorkGpci()), toDecimal(l.getPeGpci()), toDecimal(l.getMpGpci()),
                    l.getFeeScheduleAmount() == null ? null : new BigDecimal(l.getFeeScheduleAmount()), fromAvro(l.getAdjustments()),
                    l.getAdjustedAllowed() == null ? null : new BigDecimal(l.getAdjustedAllowed()), l.getPricingNote()));
        }
        Map<String, String> versions = new LinkedHashMap<>(a.getReferenceVersions());
        return new Decision(a.getClaimId(), a.getEventId(), a.getMemberId(), Disposition.valueOf(a.getDisposition().name()), findings,
                lines, versions, Instant.parse(a.getProcessedAt()));
    }

    private static List<org.claimscrubber.avro.PriceAdjustment> adjustments(List<PriceAdjustment> list) {
        if (list == null) {
            return null;
        }
        List<org.claimscrubber.avro.PriceAdjustment> out = new ArrayList<>(list.size());
        for (PriceAdjustment a : list) {
            out.add(new org.claimscrubber.avro.PriceAdjustment(a.kind(), a.factor().toPlainString(), a.note()));
        }
        return out;
    }

    private static List<PriceAdjustment> fromAvro(List<org.claimscrubber.avro.PriceAdjustment> list) {
        if (list == null) {
            return null;
        }
        List<PriceAdjustment> out = new ArrayList<>(list.size());
        for (org.claimscrubber.avro.PriceAdjustment a : list) {
            out.add(new PriceAdjustment(a.getKind(), new BigDecimal(a.getFactor()), a.getNote()));
        }
        return List.copyOf(out);
    }

    private static Double toDouble(BigDecimal v) {
        return v == null ? null : v.doubleValue();
    }

    private static BigDecimal toDecimal(Double v) {
        return v == null ? null : BigDecimal.valueOf(v).stripTrailingZeros();
    }
}
