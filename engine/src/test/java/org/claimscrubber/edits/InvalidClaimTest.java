package org.claimscrubber.edits;

import static org.claimscrubber.Scrubber.edits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.claimscrubber.Scrubber;
import org.claimscrubber.claim.ClaimJson;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Disposition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvalidClaimTest {
    private static final String GOOD_LINE = "{\"lineNumber\":1,\"procedureCode\":\"99213\",\"modifiers\":[],\"units\":1,"
            + "\"serviceDate\":\"2026-03-02\",\"diagnosisPointers\":[1]}";

    private static String claim(String diagnoses, String lines, String extra) {
        return "{\"eventId\":\"E1\",\"claimId\":\"C1\",\"frequency\":\"ORIGINAL\",\"memberId\":\"MBR-1\","
                + "\"billingProviderNpi\":\"1003000126\",\"placeOfService\":\"11\",\"diagnoses\":" + diagnoses
                + ",\"lines\":" + lines + ",\"submittedAt\":\"2026-03-03T10:00:00Z\"" + extra + "}";
    }

    private static String line(String field, String value) {
        return "[" + GOOD_LINE.replaceFirst("\"" + field + "\":[^,}]*(\\[[^\\]]*\\])?", "\"" + field + "\":" + value) + "]";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no lines|[\"M54.50\"]|[]|the claim has no lines",
        "units 0|[\"M54.50\"]|units:0|units 0",
        "units negative|[\"M54.50\"]|units:-3|units -3",
        "units as text|[\"M54.50\"]|units:\"1\"|units is not a whole number",
        "unparseable date|[\"M54.50\"]|serviceDate:\"2026-02-30\"|is not an ISO date",
        "date of another shape|[\"M54.50\"]|serviceDate:\"03/02/2026\"|is not an ISO date",
        "five modifiers|[\"M54.50\"]|modifiers:[\"25\",\"59\",\"XS\",\"GT\",\"95\"]|5 modifiers",
        "a modifier of three characters|[\"M54.50\"]|modifiers:[\"XSX\"]|modifier 'XSX' is not two letters or digits",
        "an empty modifier|[\"M54.50\"]|modifiers:[\"25\",\"\"]|modifier '' is not two letters or digits",
        "no pointer|[\"M54.50\"]|diagnosisPointers:[]|no diagnosis pointer",
        "five pointers|[\"M54.50\"]|diagnosisPointers:[1,1,1,1,1]|5 diagnosis pointers",
        "pointer zero|[\"M54.50\"]|diagnosisPointers:[0]|pointer 0 is outside",
        "pointer past the diagnoses|[\"M54.50\"]|diagnosisPointers:[2]|pointer 2 is outside",
        "procedure code missing|[\"M54.50\"]|procedureCode:null|procedureCode is missing",
        "line number as text|[\"M54.50\"]|lineNumber:\"one\"|lineNumber is not a whole number",
        "huge units|[\"M54.50\"]|units:100000|units 100000 (more than 99999)",
        "units beyond a whole number|[\"M54.50\"]|units:99999999999|units is not a whole number",
        "service after submission|[\"M54.50\"]|serviceDate:\"2026-03-05\"|is after the claim was submitted (2026-03-03)",
    })
    void lineProblemsMakeTheClaimInvalid(String name, String diagnoses, String change, String expected) {
        String lines = change.equals("[]") ? "[]" : line(change.substring(0, change.indexOf(':')), change.substring(change.indexOf(':') + 1));
        assertInvalid(claim(diagnoses, lines, ""), expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "blank member|\"memberId\":\"  \"|memberId is blank",
        "frequency unknown|\"frequency\":\"7\"|frequency must be",
    })
    void claimProblemsMakeTheClaimInvalid(String name, String change, String expected) {
        String json = claim("[\"M54.50\"]", "[" + GOOD_LINE + "]", "");
        String field = change.substring(0, change.indexOf(':'));
        json = json.replaceFirst(field + ":\"[^\"]*\"", change);
        assertInvalid(json, expected);
    }

    /** §4a rule 7: the claim's place of service must be a CMS code even where every line names its own. */
    @org.junit.jupiter.api.Test
    void anUnassignedClaimPlaceOfServiceIsInvalidWhenEveryLineOverridesIt() {
        String json = claim("[\"M54.50\"]", "[" + GOOD_LINE.replace("\"units\":1,", "\"units\":1,\"placeOfService\":\"11\",") + "]", "")
                .replace("\"placeOfService\":\"11\",\"diagnoses\"", "\"placeOfService\":\"28\",\"diagnoses\"");
        assertInvalid(json, "placeOfService '28' is not in CMS's place-of-service code set");
    }

    @org.junit.jupiter.api.Test
    void thirteenDiagnoses() {
        assertInvalid(claim("[\"A\",\"B\",\"C\",\"D\",\"E\",\"F\",\"G\",\"H\",\"I\",\"J\",\"K\",\"L\",\"M\"]", "[" + GOOD_LINE + "]", ""),
                "13 diagnoses");
    }

    @org.junit.jupiter.api.Test
    void moreThanFiftyLinesIsInvalidAndNotEnriched() {
        StringBuilder lines = new StringBuilder("[");
        for (int i = 1; i <= 1000; i++) {
            lines.append(i > 1 ? "," : "").append(GOOD_LINE.replace("\"lineNumber\":1", "\"lineNumber\":" + i));
        }
        Decision d = Scrubber.sample().judge(ClaimJson.read(claim("[\"M54.50\"]", lines + "]", "")));

        assertInvalidDecision(d, "1000 service lines (an 837P claim holds at most 50)");
        assertTrue(d.lines().isEmpty());
    }

    @org.junit.jupiter.api.Test
    void controlCharactersInIdsAreInvalidUnicodeIsFine() {
        Decision control = Scrubber.sample().judge(ClaimJson.read(claim("[\"M54.50\"]", "[" + GOOD_LINE + "]", "")
                .replace("\"claimId\":\"C1\"", "\"claimId\":\"C1\\u0007\"")));
        Decision unicode = Scrubber.sample().judge(ClaimJson.read(claim("[\"M54.50\"]", "[" + GOOD_LINE + "]", "")
                .replace("\"claimId\":\"C1\"", "\"claimId\":\"C-Ø-\u00e9-1\"")));

        assertInvalidDecision(control, "claimId contains control characters");
        assertEquals(Disposition.ACCEPTED, unicode.disposition());
    }

    @org.junit.jupiter.api.Test
    void duplicateLineNumbers() {
        assertInvalid(claim("[\"M54.50\"]", "[" + GOOD_LINE + "," + GOOD_LINE + "]", ""), "line number 1 appears twice");
    }

    @org.junit.jupiter.api.Test
    void invalidClaimIsNotJudgedFurtherAndLeavesHistoryAlone() {
        Scrubber scrubber = Scrubber.sample();
        Decision invalid = scrubber.judge(ClaimJson.read(claim("[\"M54.50\"]",
                "[" + GOOD_LINE.replace("99213", "62323").replace("\"units\":1", "\"units\":0") + "]", "")));
        Decision next = scrubber.judge(ClaimJson.read(claim("[\"M54.50\"]", "[" + GOOD_LINE + "]", "").replace("E1", "E2")));

        assertEquals(1, invalid.findings().size());
        assertEquals(Disposition.ACCEPTED, next.disposition());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "with a submittedAt that is later still|\"submittedAt\":\"2062-03-03T10:00:00Z\"|serviceDate 2062-03-02 is after the processing date (2026-12-03)",
        "without submittedAt|\"submittedAt\":null|serviceDate 2062-03-02 is after the processing date (2026-12-03)",
    })
    void aServiceDateAfterTheProcessingDateIsInvalid(String name, String submitted, String expected) {
        String json = claim("[\"M54.50\"]", "[" + GOOD_LINE.replace("2026-03-02", "2062-03-02") + "]", "")
                .replace("\"submittedAt\":\"2026-03-03T10:00:00Z\"", submitted);
        assertInvalid(json, expected);
    }

    @org.junit.jupiter.api.Test
    void aServiceOnTheProcessingDateIsFine() {
        String json = claim("[\"M54.50\"]", "[" + GOOD_LINE.replace("2026-03-02", "2026-12-03") + "]", "")
                .replace("\"submittedAt\":\"2026-03-03T10:00:00Z\"", "\"submittedAt\":\"2026-12-03T09:00:00Z\"");
        assertEquals(Disposition.ACCEPTED, Scrubber.sample().judge(ClaimJson.read(json)).disposition());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "billing check digit|\"billingProviderNpi\":\"1003000127\"|billingProviderNpi 1003000127 is not a valid NPI",
        "billing not ten digits|\"billingProviderNpi\":\"100300012\"|billingProviderNpi 100300012 is not a valid NPI",
        "billing with a letter|\"billingProviderNpi\":\"10030001A6\"|billingProviderNpi 10030001A6 is not a valid NPI",
        "claim rendering|\"billingProviderNpi\":\"1003000126\",\"renderingProviderNpi\":\"1111111111\"|renderingProviderNpi 1111111111 is not a valid NPI",
    })
    void anNpiThatFailsItsCheckDigitIsInvalid(String name, String npi, String expected) {
        assertInvalid(claim("[\"M54.50\"]", "[" + GOOD_LINE + "]", "").replace("\"billingProviderNpi\":\"1003000126\"", npi), expected);
    }

    @org.junit.jupiter.api.Test
    void aLineRenderingNpiIsCheckedToo() {
        String line = GOOD_LINE.replace("\"diagnosisPointers\"", "\"renderingProviderNpi\":\"1234567890\",\"diagnosisPointers\"");
        assertInvalid(claim("[\"M54.50\"]", "[" + line + "]", ""), "line 1: renderingProviderNpi 1234567890 is not a valid NPI");
    }

    @org.junit.jupiter.api.Test
    void validNpisPass() {
        String json = claim("[\"M54.50\"]", "[" + GOOD_LINE.replace("\"diagnosisPointers\"", "\"renderingProviderNpi\":\"1234567893\",\"diagnosisPointers\"") + "]",
                ",\"renderingProviderNpi\":\"1003003351\"");
        assertEquals(Disposition.ACCEPTED, Scrubber.sample().judge(ClaimJson.read(json)).disposition());
    }

    private static void assertInvalid(String json, String expected) {
        assertInvalidDecision(Scrubber.sample().judge(ClaimJson.read(json)), expected);
    }

    private static void assertInvalidDecision(Decision d, String expected) {
        assertEquals(Disposition.FLAGGED, d.disposition());
        assertEquals(java.util.List.of("INVALID_CLAIM"), edits(d));
        assertEquals("CO-16", d.findings().get(0).carc());
        assertTrue(d.findings().get(0).lineNumbers().isEmpty());
        assertTrue(d.findings().get(0).message().contains(expected), d.findings().get(0).message());
        assertFalse(d.findings().get(0).message().contains("MBR-1"));
    }
}
