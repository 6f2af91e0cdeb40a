package org.claimscrubber.x12;

import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.avro.ClaimFrequency;
import org.claimscrubber.avro.ClaimLine;
import org.claimscrubber.avro.ClaimSubmitted;

/**
 * Maps the segments of one 837P (005010X222A1) transaction set onto {@code ClaimSubmitted} events, one per 2300
 * CLM loop, following the hierarchy: 2000A/2010AA billing provider (HL*20, NM1*85, N4), 2000B/2010BA subscriber and
 * 2010BB payer (HL*22, NM1*IL, NM1*PR), 2300 claim (CLM, REF*F8, REF*D9, HI), 2310B rendering and 2310C service
 * facility (NM1*82, NM1*77 + N4), 2320/2330 other subscribers (ignored), 2400 lines (LX, SV1, DTP*472, REF*6R) and 2420A
 * line rendering provider (NM1*82). Values the engine judges (units, pointers, dates, NPIs) are carried as sent so
 * that the engine flags them INVALID_CLAIM; values that cannot be carried by the schema (a frequency other than
 * 1/7/8, a procedure qualifier other than HC, units or pointers that are not whole numbers, a segment out of its
 * loop) are errors of the transaction set.
 */
final class ClaimAssembler {
    private final String eventPrefix;
    private String submittedAt;
    private final List<MappedClaim> claims = new ArrayList<>();
    private final List<X12Error> errors = new ArrayList<>();

    private String hlLevel;
    private String billingNpi;
    private String billingZip;
    private String memberId;
    private String payerId;
    private String entity;
    private Draft claim;
    private ClaimLine.Builder line;
    private String lineControl;
    private boolean otherSubscriber;

    /** {@code eventPrefix} makes the event ids: {@code <prefix>:<claim position>}. */
    ClaimAssembler(String eventPrefix) {
        this.eventPrefix = eventPrefix;
    }

    /** When the claims were submitted: BHT04/05, the transaction set's creation time. */
    void submittedAt(String instant) {
        this.submittedAt = instant;
    }

    /** One segment of the transaction set (not ST or SE); {@code position} counts from ST = 1. */
    void accept(Segment s, int position) {
        switch (s.tag()) {
            case "HL" -> hierarchy(s);
            case "NM1" -> name(s, position);
            case "N4" -> postalCode(s);
            case "CLM" -> claim(s, position);
            case "SBR" -> otherSubscriber = claim != null;
            case "REF" -> reference(s);
            case "HI" -> diagnoses(s);
            case "LX" -> lineStart(s, position);
            case "SV1" -> service(s, position);
            case "DTP" -> date(s);
            default -> { }
        }
    }

    /** The claims once the transaction set has ended. */
    List<MappedClaim> finish() {
        finishClaim();
        return claims;
    }

    List<X12Error> errors() {
        return errors;
    }

    private void hierarchy(Segment s) {
        finishClaim();
        hlLevel = s.get(3);
        entity = null;
        if ("20".equals(hlLevel)) {
            billingNpi = null;
            billingZip = null;
        } else if ("22".equals(hlLevel)) {
            memberId = null;
            payerId = null;
        }
    }

    private void name(Segment s, int position) {
        entity = s.get(1);
        if (otherSubscriber) {
            entity = null;
            return;
        }
        String id = s.get(9);
        if (claim == null) {
            switch (entity == null ? "" : entity) {
                case "85" -> billingNpi = "20".equals(hlLevel) ? id : billingNpi;
                case "IL" -> memberId = "22".equals(hlLevel) ? id : memberId;
                case "PR" -> payerId = "22".equals(hlLevel) ? id : payerId;
                case "82", "77" -> errors.add(X12Error.segment("2", "NM1", position, "NM1*" + entity + " outside a 2300 claim loop"));
                default -> { }
            }
        } else if ("82".equals(entity)) {
            if (line != null) {
                line.setRenderingProviderNpi(id);
            } else {
                claim.rendering = id;
            }
        }
    }

    private void postalCode(Segment s) {
        if ("85".equals(entity) && claim == null) {
            billingZip = s.get(3);
        } else if ("77".equals(entity) && claim != null && line == null) {
            claim.facilityZip = s.get(3);
        }
    }

    private void claim(Segment s, int position) {
        finishClaim();
        otherSubscriber = false;
        entity = null;
        if (!"22".equals(hlLevel) && !"23".equals(hlLevel)) {
            errors.add(X12Error.segment("2", "CLM", position, "CLM outside a subscriber or patient loop (HL*22 or HL*23)"));
        }
        String clm01 = s.get(1);
        if (clm01 == null) {
            errors.add(X12Error.element("1", "CLM", position, 1, 0, null, "claim submitter's identifier (CLM01) is missing"));
        }
        String code = s.get(5, 3);
        ClaimFrequency frequency = switch (code == null ? "" : code) {
            case "1" -> ClaimFrequency.ORIGINAL;
            case "7" -> ClaimFrequency.REPLACEMENT;
            case "8" -> ClaimFrequency.VOID;
            default -> null;
        };
        if (frequency == null) {
            errors.add(code == null
                    ? X12Error.element("1", "CLM", position, 5, 3, null, "claim frequency code (CLM05-3) is missing")
                    : X12Error.element("7", "CLM", position, 5, 3, code, "claim frequency code must be 1, 7 or 8"));
        }
        claim = new Draft(claims.size() + 1, position, clm01, frequency, s.get(5, 1));
    }

    private void reference(Segment s) {
        if (claim != null && line != null && "6R".equals(s.get(1))) {
            lineControl = s.get(2);
            return;
        }
        if (claim == null || line != null || otherSubscriber) {
            return;
        }
        String qualifier = s.get(1);
        if ("F8".equals(qualifier)) {
            claim.originalClaimId = s.get(2);
        } else if ("D9".equals(qualifier)) {
            claim.d9 = s.get(2);
        }
    }

    private void diagnoses(Segment s) {
        if (claim == null || line != null) {
            return;
        }
        for (int e = 1; e <= 12; e++) {
            String qualifier = s.get(e, 1);
            String code = s.get(e, 2);
            if (code != null && ("ABK".equals(qualifier) || "ABF".equals(qualifier) || "BK".equals(qualifier) || "BF".equals(qualifier))) {
                claim.diagnoses.add(code);
            }
        }
    }

    private void lineStart(Segment s, int position) {
        finishLine();
        otherSubscriber = false;
        entity = null;
        if (claim == null) {
            errors.add(X12Error.segment("2", "LX", position, "LX outside a 2300 claim loop"));
            return;
        }
        Integer number = whole(s, position, 1, 0, "assigned number (LX01)");
        line = ClaimLine.newBuilder().setLineNumber(number == null ? 0 : number).setProcedureCode("").setUnits(0)
                .setServiceDate("").setModifiers(new ArrayList<>(2)).setDiagnosisPointers(new ArrayList<>(2));
    }

    private void service(Segment s, int position) {
        if (line == null) {
            errors.add(X12Error.segment("2", "SV1", position, "SV1 outside a 2400 service line loop (no LX before it)"));
            return;
        }
        String qualifier = s.get(1, 1);
        if (!"HC".equals(qualifier)) {
            errors.add(qualifier == null
                    ? X12Error.element("1", "SV1", position, 1, 1, null, "product/service ID qualifier (SV101-1) is missing")
                    : X12Error.element("7", "SV1", position, 1, 1, qualifier, "only HC (HCPCS/CPT) procedure codes are read"));
        }
        String code = s.get(1, 2);
        if (code == null) {
            errors.add(X12Error.element("1", "SV1", position, 1, 2, null, "procedure code (SV101-2) is missing"));
        }
        line.setProcedureCode(code == null ? "" : code);
        List<String> modifiers = line.getModifiers();
        for (int c = 3; c <= 6; c++) {
            String m = s.get(1, c);
            if (m != null) {
                modifiers.add(m);
            }
        }
        line.setChargeAmount(s.get(2));
        Integer units = whole(s, position, 4, 0, "service unit count (SV104)");
        line.setUnits(units == null ? 0 : units);
        line.setPlaceOfService(s.get(5));
        List<Integer> pointers = line.getDiagnosisPointers();
        for (int c = 1; c <= s.components(7); c++) {
            if (s.get(7, c) != null) {
                Integer p = whole(s, position, 7, c, "diagnosis code pointer (SV107)");
                if (p != null) {
                    pointers.add(p);
                }
            }
        }
    }

    private void date(Segment s) {
        if (line == null || !"472".equals(s.get(1))) {
            return;
        }
        String value = s.get(3);
        if (value == null) {
            return;
        }
        String first = "RD8".equals(s.get(2)) && value.indexOf('-') > 0 ? value.substring(0, value.indexOf('-')) : value;
        line.setServiceDate(first.length() == 8 && isDigits(first)
                ? first.substring(0, 4) + "-" + first.substring(4, 6) + "-" + first.substring(6) : first);
    }

    private Integer whole(Segment s, int position, int element, int component, String name) {
        String v = component == 0 ? s.get(element) : s.get(element, component);
        if (v == null) {
            return null;
        }
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(v);
            return d.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(X12Error.element("6", s.tag(), position, element, component, v, name + " is not a whole number"));
            return null;
        }
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private void finishLine() {
        if (line != null && claim != null) {
            claim.lines.add(line.build());
            claim.lineControls.add(lineControl);
        }
        line = null;
        lineControl = null;
    }

    private void finishClaim() {
        finishLine();
        if (claim == null) {
            return;
        }
        Draft d = claim;
        claim = null;
        String claimId = d.d9 != null ? d.d9 : d.clm01 == null ? "" : d.clm01;
        ClaimSubmitted event = ClaimSubmitted.newBuilder()
                .setEventId(eventPrefix + ":" + d.position)
                .setClaimId(claimId)
                .setFrequency(d.frequency == null ? ClaimFrequency.ORIGINAL : d.frequency)
                .setOriginalClaimId(d.originalClaimId)
                .setMemberId(memberId == null ? "" : memberId)
                .setBillingProviderNpi(billingNpi == null ? "" : billingNpi)
                .setRenderingProviderNpi(d.rendering)
                .setPlaceOfService(d.placeOfService)
                .setDiagnoses(d.diagnoses)
                .setLines(d.lines)
                .setSubmittedAt(submittedAt)
                .setBillingProviderZip(billingZip)
                .setServiceFacilityZip(d.facilityZip)
                .setPayerId(payerId)
                .build();
        claims.add(new MappedClaim(d.position, d.segmentPosition, d.clm01, event,
                d.lineControls.stream().allMatch(java.util.Objects::isNull) ? List.of() : java.util.Collections.unmodifiableList(d.lineControls)));
    }

    /** The 2300 loop being read. */
    private static final class Draft {
        final int position;
        final int segmentPosition;
        final String clm01;
        final ClaimFrequency frequency;
        final String placeOfService;
        final List<String> diagnoses = new ArrayList<>(4);
        final List<ClaimLine> lines = new ArrayList<>(4);
        final List<String> lineControls = new ArrayList<>(4);
        String originalClaimId;
        String d9;
        String rendering;
        String facilityZip;

        Draft(int position, int segmentPosition, String clm01, ClaimFrequency frequency, String placeOfService) {
            this.position = position;
            this.segmentPosition = segmentPosition;
            this.clm01 = clm01;
            this.frequency = frequency;
            this.placeOfService = placeOfService;
        }
    }
}
