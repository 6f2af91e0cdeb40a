package org.claimscrubber.claim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON form of {@code ClaimSubmitted} (contracts §2). Fields of the wrong type do not make the event
 * unreadable: they become problems the engine reports as INVALID_CLAIM. Only text that is not a JSON object,
 * or an object without eventId or claimId, is unreadable.
 */
public final class ClaimJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ClaimJson() {
    }

    public static Claim read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UnreadableClaimException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableClaimException("not a JSON object");
        }
        String eventId = requiredId(root, "eventId");
        String claimId = requiredId(root, "claimId");
        List<String> problems = new ArrayList<>(0);
        Frequency frequency = frequency(root.get("frequency"), problems);
        List<String> diagnoses = new ArrayList<>();
        JsonNode dx = root.get("diagnoses");
        if (dx != null && !dx.isNull()) {
            if (!dx.isArray()) {
                problems.add("diagnoses is not a list");
            } else {
                for (JsonNode d : dx) {
                    if (d.isTextual()) {
                        diagnoses.add(Normalize.diagnosis(d.textValue()));
                    } else {
                        problems.add("a diagnosis is not text");
                    }
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        JsonNode ls = root.get("lines");
        if (ls != null && !ls.isNull() && !ls.isArray()) {
            problems.add("lines is not a list");
        } else if (ls != null) {
            int position = 0;
            for (JsonNode l : ls) {
                position++;
                if (!l.isObject()) {
                    problems.add("line at position " + position + " is not an object");
                } else {
                    lines.add(line(l, position, problems));
                }
            }
        }
        return new Claim(eventId, claimId, frequency, text(root, "originalClaimId", problems, "claim"),
                text(root, "memberId", problems, "claim"), text(root, "billingProviderNpi", problems, "claim"),
                text(root, "renderingProviderNpi", problems, "claim"), text(root, "placeOfService", problems, "claim"),
                diagnoses, lines, text(root, "submittedAt", problems, "claim"), problems);
    }

    private static String requiredId(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual() || n.textValue().isBlank()) {
            throw new UnreadableClaimException(field + " is missing or not text");
        }
        return n.textValue();
    }

    private static Frequency frequency(JsonNode n, List<String> problems) {
        if (n == null || n.isNull()) {
            problems.add("frequency is missing");
            return null;
        }
        if (n.isTextual()) {
            for (Frequency f : Frequency.values()) {
                if (f.name().equals(n.textValue())) {
                    return f;
                }
            }
        }
        problems.add("frequency must be ORIGINAL, REPLACEMENT or VOID");
        return null;
    }

    private static Line line(JsonNode l, int position, List<String> problems) {
        JsonNode numberNode = l.get("lineNumber");
        int lineNumber = numberNode != null && numberNode.canConvertToInt() && numberNode.isIntegralNumber() ? numberNode.intValue() : Line.MISSING;
        String where = lineNumber != Line.MISSING ? "line " + lineNumber : "line at position " + position;
        if (numberNode == null || !numberNode.isIntegralNumber() || !numberNode.canConvertToInt()) {
            problems.add(where + ": lineNumber is missing or not a whole number");
        }
        String code = Normalize.code(text(l, "procedureCode", problems, where));
        if (code == null || code.isEmpty()) {
            problems.add(where + ": procedureCode is missing");
        }
        List<String> modifiers = new ArrayList<>(2);
        JsonNode mods = l.get("modifiers");
        if (mods != null && !mods.isNull()) {
            if (!mods.isArray()) {
                problems.add(where + ": modifiers is not a list");
            } else {
                for (JsonNode m : mods) {
                    if (m.isTextual()) {
                        modifiers.add(Normalize.code(m.textValue()));
                    } else {
                        problems.add(where + ": a modifier is not text");
                    }
                }
            }
        }
        JsonNode unitsNode = l.get("units");
        int units = Line.MISSING;
        if (unitsNode == null || !unitsNode.isIntegralNumber() || !unitsNode.canConvertToInt()) {
            problems.add(where + ": units is missing or not a whole number");
        } else {
            units = unitsNode.intValue();
        }
        LocalDate date = null;
        String dateText = text(l, "serviceDate", problems, where);
        if (dateText == null) {
            problems.add(where + ": serviceDate is missing");
        } else {
            try {
                date = LocalDate.parse(dateText.strip());
            } catch (DateTimeParseException e) {
                problems.add(where + ": serviceDate '" + dateText + "' is not an ISO date (yyyy-MM-dd)");
            }
        }
        List<Integer> pointers = new ArrayList<>(2);
        JsonNode ptrs = l.get("diagnosisPointers");
        if (ptrs != null && !ptrs.isNull()) {
            if (!ptrs.isArray()) {
                problems.add(where + ": diagnosisPointers is not a list");
            } else {
                for (JsonNode p : ptrs) {
                    if (p.isIntegralNumber() && p.canConvertToInt()) {
                        pointers.add(p.intValue());
                    } else {
                        problems.add(where + ": a diagnosis pointer is not a whole number");
                    }
                }
            }
        }
        BigDecimal charge = null;
        JsonNode c = l.get("chargeAmount");
        if (c != null && !c.isNull()) {
            if (c.isNumber()) {
                charge = c.decimalValue();
            } else if (c.isTextual()) {
                charge = Claims.decimal(c.textValue(), where, problems);
            } else {
                problems.add(where + ": chargeAmount is not a decimal");
            }
        }
        return new Line(lineNumber, code, modifiers, units, date, pointers, charge,
                text(l, "renderingProviderNpi", problems, where), text(l, "placeOfService", problems, where));
    }

    private static String text(JsonNode parent, String field, List<String> problems, String where) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            problems.add(where + ": " + field + " is not text");
            return null;
        }
        return n.textValue();
    }
}
