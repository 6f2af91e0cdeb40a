package org.claimscrubber.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Builds claim events in the JSON form of contracts §2, field by field, so that bad values can be written too. */
final class ClaimBuilder {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Map<String, String> CHARGES = Map.ofEntries(
            Map.entry("62321", "900.00"), Map.entry("62322", "700.00"), Map.entry("62323", "850.00"),
            Map.entry("64483", "950.00"), Map.entry("64484", "400.00"), Map.entry("77003", "180.00"),
            Map.entry("20552", "160.00"), Map.entry("20610", "175.00"), Map.entry("96372", "45.00"),
            Map.entry("72148", "520.00"), Map.entry("72100", "95.00"), Map.entry("80053", "40.00"),
            Map.entry("85025", "25.00"), Map.entry("36415", "12.00"), Map.entry("J1040", "30.00"), Map.entry("J3301", "12.00"),
            Map.entry("A4550", "35.00"), Map.entry("63047", "4200.00"), Map.entry("94760", "20.00"), Map.entry("99385", "220.00"), Map.entry("0275T", "2400.00"));

    private final ObjectNode claim = JSON.objectNode();
    private final ArrayNode lines;
    private final LocalDate date;

    ClaimBuilder(String eventId, String claimId, String memberId, String billingNpi, String renderingNpi, String pos,
                 LocalDate date, List<String> diagnoses) {
        this.date = date;
        claim.put("eventId", eventId);
        claim.put("claimId", claimId);
        claim.put("frequency", "ORIGINAL");
        claim.putNull("originalClaimId");
        claim.put("memberId", memberId);
        claim.put("billingProviderNpi", billingNpi);
        claim.put("renderingProviderNpi", renderingNpi);
        claim.put("placeOfService", pos);
        ArrayNode dx = claim.putArray("diagnoses");
        diagnoses.forEach(dx::add);
        lines = claim.putArray("lines");
        claim.put("submittedAt", date.plusDays(2) + "T10:15:00Z");
    }

    /** Sets the billing provider's and the service facility's ZIPs (left out when null). */
    ClaimBuilder zips(String billingProviderZip, String serviceFacilityZip) {
        if (billingProviderZip != null) {
            claim.put("billingProviderZip", billingProviderZip);
        }
        if (serviceFacilityZip != null) {
            claim.put("serviceFacilityZip", serviceFacilityZip);
        }
        return this;
    }

    /** Sets the payer id (left out when null). */
    ClaimBuilder payer(String payerId) {
        if (payerId != null) {
            claim.put("payerId", payerId);
        }
        return this;
    }

    ClaimBuilder line(String code, int units, String... modifiers) {
        ObjectNode line = lines.addObject();
        line.put("lineNumber", lines.size());
        line.put("procedureCode", code);
        ArrayNode mods = line.putArray("modifiers");
        for (String m : modifiers) {
            mods.add(m);
        }
        line.put("units", units);
        line.put("serviceDate", date.toString());
        line.putArray("diagnosisPointers").add(1);
        String charge = CHARGES.getOrDefault(code, "150.00");
        line.put("chargeAmount", charge);
        line.putNull("renderingProviderNpi");
        line.putNull("placeOfService");
        return this;
    }

    /** Points the last line at these diagnoses (1-based). */
    ClaimBuilder pointTo(int... pointers) {
        ArrayNode p = ((ObjectNode) lines.get(lines.size() - 1)).putArray("diagnosisPointers");
        for (int i : pointers) {
            p.add(i);
        }
        return this;
    }

    ObjectNode build() {
        return claim;
    }
}
