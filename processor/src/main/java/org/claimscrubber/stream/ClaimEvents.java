package org.claimscrubber.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.avro.ClaimFrequency;
import org.claimscrubber.avro.ClaimLine;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.claim.UnreadableClaimException;

/**
 * The JSON form of a claim event as an Avro {@code ClaimSubmitted}, values kept as sent (a bad date stays a bad
 * date for the processor to flag). An event whose fields cannot be carried by the schema is unreadable.
 */
public final class ClaimEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClaimEvents() {
    }

    public static ClaimSubmitted fromJson(String text) {
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (Exception e) {
            throw new UnreadableClaimException("not JSON");
        }
        if (n == null || !n.isObject()) {
            throw new UnreadableClaimException("not a JSON object");
        }
        try {
            List<ClaimLine> lines = new ArrayList<>();
            for (JsonNode l : n.path("lines")) {
                lines.add(ClaimLine.newBuilder()
                        .setLineNumber(integer(l, "lineNumber"))
                        .setProcedureCode(required(l, "procedureCode"))
                        .setModifiers(strings(l.path("modifiers")))
                        .setUnits(integer(l, "units"))
                        .setServiceDate(required(l, "serviceDate"))
                        .setDiagnosisPointers(integers(l.path("diagnosisPointers")))
                        .setChargeAmount(optional(l, "chargeAmount"))
                        .setRenderingProviderNpi(optional(l, "renderingProviderNpi"))
                        .setPlaceOfService(optional(l, "placeOfService"))
                        .build());
            }
            return ClaimSubmitted.newBuilder()
                    .setEventId(required(n, "eventId"))
                    .setClaimId(required(n, "claimId"))
                    .setFrequency(ClaimFrequency.valueOf(required(n, "frequency")))
                    .setOriginalClaimId(optional(n, "originalClaimId"))
                    .setMemberId(required(n, "memberId"))
                    .setBillingProviderNpi(required(n, "billingProviderNpi"))
                    .setRenderingProviderNpi(optional(n, "renderingProviderNpi"))
                    .setPlaceOfService(optional(n, "placeOfService"))
                    .setDiagnoses(strings(n.path("diagnoses")))
                    .setLines(lines)
                    .setSubmittedAt(optional(n, "submittedAt"))
                    .setBillingProviderZip(optional(n, "billingProviderZip"))
                    .setServiceFacilityZip(optional(n, "serviceFacilityZip"))
                    .setPayerId(optional(n, "payerId"))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UnreadableClaimException("cannot be carried as ClaimSubmitted: " + e.getMessage());
        }
    }

    private static String required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(field + " is missing or not text");
        }
        return v.textValue();
    }

    private static String optional(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException(field + " is not text");
        }
        return v.asText();
    }

    private static int integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(field + " is missing or not a whole number");
        }
        return v.intValue();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array) {
            if (!v.isTextual()) {
                throw new IllegalArgumentException("a list item is not text");
            }
            out.add(v.textValue());
        }
        return out;
    }

    private static List<Integer> integers(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode v : array) {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new IllegalArgumentException("a list item is not a whole number");
            }
            out.add(v.intValue());
        }
        return out;
    }
}
