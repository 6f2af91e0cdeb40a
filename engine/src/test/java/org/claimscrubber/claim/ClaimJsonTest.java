package org.claimscrubber.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimJsonTest {
    private static final String CONTRACT_EXAMPLE = """
            {"eventId":"6f1c0a4e-1d7b-4a57-9b8e-2f5d0c3a9e11","claimId":"C-2026-000123","frequency":"ORIGINAL",
             "originalClaimId":null,"memberId":"MBR0001","billingProviderNpi":"1003000126","renderingProviderNpi":"1003000126",
             "placeOfService":"11","diagnoses":["M54.16","M48.062"],
             "lines":[{"lineNumber":1,"procedureCode":"62323","modifiers":[],"units":1,"serviceDate":"2026-03-02",
             "diagnosisPointers":[1,2],"chargeAmount":"850.00","renderingProviderNpi":null,"placeOfService":null}],
             "submittedAt":"2026-03-03T10:00:00Z"}""".replace("\n", "");

    @Test
    void readsTheContractExample() {
        Claim c = ClaimJson.read(CONTRACT_EXAMPLE);

        assertEquals("C-2026-000123", c.claimId());
        assertEquals(Frequency.ORIGINAL, c.frequency());
        assertEquals(List.of("M5416", "M48062"), c.diagnoses());
        Line l = c.lines().get(0);
        assertEquals("62323", l.procedureCode());
        assertEquals(LocalDate.of(2026, 3, 2), l.serviceDate());
        assertEquals(List.of(1, 2), l.diagnosisPointers());
        assertEquals(new BigDecimal("850.00"), l.chargeAmount());
        assertTrue(c.problems().isEmpty());
    }

    @Test
    void normalisesLowerCaseAndPaddedCodesAndModifiers() {
        Claim c = ClaimJson.read(CONTRACT_EXAMPLE.replace("\"62323\"", "\" 62323 \"").replace("\"modifiers\":[]", "\"modifiers\":[\"rt\"]")
                .replace("\"M54.16\"", "\"m54.16\""));

        assertEquals("62323", c.lines().get(0).procedureCode());
        assertEquals(List.of("RT"), c.lines().get(0).modifiers());
        assertEquals("M5416", c.diagnoses().get(0));
    }

    @Test
    void ignoresUnknownFields() {
        Claim c = ClaimJson.read(CONTRACT_EXAMPLE.replace("{\"eventId\"", "{\"extra\":{\"a\":[1,2]},\"eventId\""));

        assertTrue(c.problems().isEmpty());
    }

    @Test
    void fieldsOfTheWrongTypeBecomeProblems() {
        Claim c = ClaimJson.read(CONTRACT_EXAMPLE.replace("\"units\":1", "\"units\":1.5").replace("\"850.00\"", "\"lots\""));

        assertEquals(List.of("line 1: units is not a whole number", "line 1: chargeAmount 'lots' is not a decimal"), c.problems());
    }

    @Test
    void notJsonOrWithoutIdsIsUnreadable() {
        assertThrows(UnreadableClaimException.class, () -> ClaimJson.read("{not json"));
        assertThrows(UnreadableClaimException.class, () -> ClaimJson.read("[1,2]"));
        assertThrows(UnreadableClaimException.class, () -> ClaimJson.read(CONTRACT_EXAMPLE.replace("\"claimId\":\"C-2026-000123\",", "")));
        assertThrows(UnreadableClaimException.class, () -> ClaimJson.read(CONTRACT_EXAMPLE.replace("\"6f1c0a4e-1d7b-4a57-9b8e-2f5d0c3a9e11\"", "7")));
        assertThrows(UnreadableClaimException.class, () -> ClaimJson.read(CONTRACT_EXAMPLE + "{}"));
    }

    @Test
    void isoDatesAreStrict() {
        assertEquals(LocalDate.of(2024, 2, 29), IsoDates.parse("2024-02-29"));
        assertEquals(null, IsoDates.parse("2026-02-29"));
        assertEquals(null, IsoDates.parse("2026-2-28"));
        assertEquals(null, IsoDates.parse("2026-02-2x"));
    }
}
