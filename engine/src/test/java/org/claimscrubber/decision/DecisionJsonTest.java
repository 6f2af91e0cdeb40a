package org.claimscrubber.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecisionJsonTest {

    private static Decision decision(DecisionLine line, Instant processedAt) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("ptp", "v321r0");
        versions.put("mue", "2026-Q1");
        return new Decision("C-1", "E-1", "M-1", Disposition.ACCEPTED, List.of(), List.of(line), versions, processedAt);
    }

    private static DecisionLine line(BigDecimal rvu, BigDecimal allowed) {
        return new DecisionLine(1, "62323", "a description", "A", "NON_FACILITY", rvu, rvu, rvu, rvu, allowed, 1, 2, "000", "PFS");
    }

    @Test
    void numbersAndAmountsAreWrittenAsPlainTextEveryTimeTheyRepeat() {
        for (int i = 0; i < 3; i++) {
            String json = DecisionJson.toJson(decision(line(new BigDecimal("1E+3"), new BigDecimal("12.50")), Instant.EPOCH));
            assertTrue(json.contains("\"workRvu\":1000,\"peRvu\":1000,\"mpRvu\":1000,\"conversionFactor\":1000,\"expectedAllowed\":\"12.50\""), json);
        }
        String json = DecisionJson.toJson(decision(line(new BigDecimal("0.10"), new BigDecimal("-0.000")), Instant.EPOCH));
        assertTrue(json.contains("\"workRvu\":0.10,") && json.contains("\"expectedAllowed\":\"0.000\""), json);
    }

    @Test
    void theDecisionFieldsKeepTheirNamesAndOrder() {
        String json = DecisionJson.toJson(decision(line(null, null), Instant.parse("2026-03-02T10:00:00Z")));

        assertTrue(json.startsWith("{\"claimId\":\"C-1\",\"eventId\":\"E-1\",\"memberId\":\"M-1\",\"disposition\":\"ACCEPTED\",\"findings\":[],"),
                json);
        assertTrue(json.endsWith("\"referenceVersions\":{\"ptp\":\"v321r0\",\"mue\":\"2026-Q1\"},\"processedAt\":\"2026-03-02T10:00:00Z\"}"), json);
    }

    @Test
    void processedAtIsWrittenAsInstantToStringWritesIt() {
        Random random = new Random(7);
        long[] seconds = {0, -1, 59, 1_780_000_000L, 253_402_300_799L, 253_402_300_800L, -62_167_219_200L, -62_167_219_201L};
        int[] nanos = {0, 1, 999, 1_000, 120_000, 125_000_000, 999_999_999, 100_000_000, 123_456_789};
        for (long second : seconds) {
            for (int nano : nanos) {
                Instant t = Instant.ofEpochSecond(second, nano);
                assertEquals(t.toString(), IsoInstant.format(t));
            }
        }
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(1_780_000_000L + random.nextInt(5), random.nextInt(1_000_000_000));
            assertEquals(t.toString(), IsoInstant.format(t));
        }
    }
}
