package org.claimscrubber.claim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON form of {@code ClaimSubmitted} (contracts §2) with a streaming parser. Fields of the wrong type
 * do not make the event unreadable: they become problems the engine reports as INVALID_CLAIM. Only text that is
 * not one JSON object, or an object without eventId or claimId, is unreadable. Unknown fields are ignored.
 */
public final class ClaimJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ClaimJson() {
    }

    public static Claim read(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            return readOne(p);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** The same as {@link #read(String)} for UTF-8 bytes, parsed as they are (no decoding to chars first). */
    public static Claim read(byte[] utf8, int offset, int length) {
        try (JsonParser p = FACTORY.createParser(utf8, offset, length)) {
            return readOne(p);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static UnreadableClaimException unreadable(IOException e) {
        return new UnreadableClaimException("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }

    private static Claim readOne(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new UnreadableClaimException("not a JSON object");
        }
        Claim claim = readClaim(p);
        if (p.nextToken() != null) {
            throw new UnreadableClaimException("text after the JSON object");
        }
        return claim;
    }

    private static Claim readClaim(JsonParser p) throws IOException {
        List<String> problems = new ArrayList<>(0);
        String eventId = null;
        String claimId = null;
        Frequency frequency = null;
        boolean frequencySeen = false;
        String originalClaimId = null;
        String memberId = null;
        String billing = null;
        String rendering = null;
        String pos = null;
        String submittedAt = null;
        String billingZip = null;
        String facilityZip = null;
        String payerId = null;
        List<String> diagnoses = new ArrayList<>(4);
        List<Line> lines = new ArrayList<>(4);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "eventId" -> eventId = t == JsonToken.VALUE_STRING ? p.getText() : null;
                case "claimId" -> claimId = t == JsonToken.VALUE_STRING ? p.getText() : null;
                case "frequency" -> {
                    frequencySeen = t != JsonToken.VALUE_NULL;
                    frequency = t == JsonToken.VALUE_STRING ? frequency(p.getText()) : null;
                }
                case "originalClaimId" -> originalClaimId = text(p, t, "claim", field, problems);
                case "memberId" -> memberId = text(p, t, "claim", field, problems);
                case "billingProviderNpi" -> billing = text(p, t, "claim", field, problems);
                case "renderingProviderNpi" -> rendering = text(p, t, "claim", field, problems);
                case "placeOfService" -> pos = text(p, t, "claim", field, problems);
                case "submittedAt" -> submittedAt = text(p, t, "claim", field, problems);
                case "billingProviderZip" -> billingZip = text(p, t, "claim", field, problems);
                case "serviceFacilityZip" -> facilityZip = text(p, t, "claim", field, problems);
                case "payerId" -> payerId = text(p, t, "claim", field, problems);
                case "diagnoses" -> diagnoses(p, t, diagnoses, problems);
                case "lines" -> lines(p, t, lines, problems);
                default -> p.skipChildren();
            }
        }
        if (eventId == null || eventId.isBlank()) {
            throw new UnreadableClaimException("eventId is missing or not text");
        }
        if (claimId == null || claimId.isBlank()) {
            throw new UnreadableClaimException("claimId is missing or not text");
        }
        if (frequency == null) {
            problems.add(frequencySeen ? "frequency must be ORIGINAL, REPLACEMENT or VOID" : "frequency is missing");
        }
        return new Claim(eventId, claimId, frequency, originalClaimId, memberId, billing, rendering, pos, diagnoses, lines,
                submittedAt, billingZip, facilityZip, payerId, problems);
    }

    private static Frequency frequency(String text) {
        for (Frequency f : Frequency.values()) {
            if (f.name().equals(text)) {
                return f;
            }
        }
        return null;
    }

    private static void diagnoses(JsonParser p, JsonToken t, List<String> out, List<String> problems) throws IOException {
        array(p, t, out, "diagnoses", "a diagnosis is not text", problems,
                (parser, e) -> e == JsonToken.VALUE_STRING ? Normalize.diagnosis(parser.getText()) : null);
    }

    private static void lines(JsonParser p, JsonToken t, List<Line> out, List<String> problems) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_ARRAY) {
            problems.add("lines is not a list");
            p.skipChildren();
            return;
        }
        int position = 0;
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            position++;
            if (e == JsonToken.START_OBJECT) {
                out.add(line(p, position, problems));
            } else {
                problems.add("line at position " + position + " is not an object");
                p.skipChildren();
            }
        }
    }

    private static Line line(JsonParser p, int position, List<String> problems) throws IOException {
        List<String> lineProblems = new ArrayList<>(0);
        int lineNumber = Line.MISSING;
        String code = null;
        List<String> modifiers = new ArrayList<>(2);
        int units = Line.MISSING;
        String dateText = null;
        List<Integer> pointers = new ArrayList<>(2);
        BigDecimal charge = null;
        String rendering = null;
        String pos = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "lineNumber" -> lineNumber = wholeNumber(p, t, field, lineProblems);
                case "procedureCode" -> code = Normalize.code(text(p, t, null, field, lineProblems));
                case "modifiers" -> strings(p, t, modifiers, field, lineProblems);
                case "units" -> units = wholeNumber(p, t, field, lineProblems);
                case "serviceDate" -> dateText = text(p, t, null, field, lineProblems);
                case "diagnosisPointers" -> numbers(p, t, pointers, field, lineProblems);
                case "chargeAmount" -> charge = decimal(p, t, lineProblems);
                case "renderingProviderNpi" -> rendering = text(p, t, null, field, lineProblems);
                case "placeOfService" -> pos = text(p, t, null, field, lineProblems);
                default -> p.skipChildren();
            }
        }
        if (code == null || code.isEmpty()) {
            lineProblems.add("procedureCode is missing");
        }
        if (units == Line.MISSING && lineProblems.stream().noneMatch(s -> s.startsWith("units"))) {
            lineProblems.add("units is missing");
        }
        if (lineNumber == Line.MISSING && lineProblems.stream().noneMatch(s -> s.startsWith("lineNumber"))) {
            lineProblems.add("lineNumber is missing");
        }
        LocalDate date = null;
        if (dateText == null) {
            lineProblems.add("serviceDate is missing");
        } else {
            date = IsoDates.parse(dateText);
            if (date == null) {
                lineProblems.add("serviceDate '" + dateText + "' is not an ISO date (yyyy-MM-dd)");
            }
        }
        String where = lineNumber != Line.MISSING ? "line " + lineNumber + ": " : "line at position " + position + ": ";
        for (String problem : lineProblems) {
            problems.add(where + problem);
        }
        return new Line(lineNumber, code, modifiers, units, date, pointers, charge, rendering, pos);
    }

    private static String text(JsonParser p, JsonToken t, String where, String field, List<String> problems) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t != JsonToken.VALUE_NULL) {
            problems.add((where == null ? "" : where + ": ") + field + " is not text");
            p.skipChildren();
        }
        return null;
    }

    private static int wholeNumber(JsonParser p, JsonToken t, String field, List<String> problems) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        problems.add(field + " is not a whole number");
        p.skipChildren();
        return Line.MISSING;
    }

    private interface Element<T> {
        /** The element at the parser's current token, or null (after noting the problem) when it is of the wrong type. */
        T read(JsonParser p, JsonToken t) throws IOException;
    }

    private static <T> void array(JsonParser p, JsonToken t, List<T> out, String field, String elementProblem,
                                  List<String> problems, Element<T> element) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_ARRAY) {
            problems.add(field + " is not a list");
            p.skipChildren();
            return;
        }
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            T value = element.read(p, e);
            if (value != null) {
                out.add(value);
            } else {
                problems.add(elementProblem);
                p.skipChildren();
            }
        }
    }

    private static void strings(JsonParser p, JsonToken t, List<String> out, String field, List<String> problems) throws IOException {
        array(p, t, out, field, "a modifier is not text", problems,
                (parser, e) -> e == JsonToken.VALUE_STRING ? Normalize.code(parser.getText()) : null);
    }

    private static void numbers(JsonParser p, JsonToken t, List<Integer> out, String field, List<String> problems) throws IOException {
        array(p, t, out, field, "a diagnosis pointer is not a whole number", problems,
                (parser, e) -> e == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
                        ? parser.getIntValue() : null);
    }

    private static BigDecimal decimal(JsonParser p, JsonToken t, List<String> problems) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDecimalValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return new BigDecimal(p.getText().strip());
            } catch (NumberFormatException e) {
                problems.add("chargeAmount '" + p.getText() + "' is not a decimal");
                return null;
            }
        }
        problems.add("chargeAmount is not a decimal");
        p.skipChildren();
        return null;
    }
}
