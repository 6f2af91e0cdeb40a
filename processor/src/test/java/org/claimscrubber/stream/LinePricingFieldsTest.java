package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.DecisionJson;
import org.claimscrubber.decision.DecisionLine;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.decision.PriceAdjustment;
import org.junit.jupiter.api.Test;

/** A line's locality, GPCIs, fee schedule amount and adjustments: through Avro and JSON, and a compatible schema change. */
class LinePricingFieldsTest {
    private static final Set<String> NEW_FIELDS = Set.of("pricingZip", "pricingLocality", "localityName", "workGpci", "peGpci", "mpGpci",
            "feeScheduleAmount", "adjustments", "adjustedAllowed", "pricingNote");

    private static Decision decision(DecisionLine line) {
        return new Decision("C1", "E1", "M1", Disposition.ACCEPTED, List.of(), List.of(line), Map.of(), Instant.parse("2026-12-03T10:00:00Z"));
    }

    private static DecisionLine priced() {
        return new DecisionLine(1, "63047", "d", "A", "FACILITY", new BigDecimal("15.37"), new BigDecimal("13.61"), new BigDecimal("4.87"),
                new BigDecimal("33.4009"), new BigDecimal("1331.62"), 1, 2, "090", "PFS", "99501", "0210201", "ALASKA*",
                new BigDecimal("1.5"), new BigDecimal("1.065"), new BigDecimal("0.551"), new BigDecimal("1331.62"),
                List.of(new PriceAdjustment("ASSISTANT", new BigDecimal("0.16"), "80"), new PriceAdjustment("NON_PHYSICIAN_ASSISTANT",
                        new BigDecimal("0.85"), "AS")), new BigDecimal("181.10"), "ZIP 99501 ...");
    }

    @Test
    void theLocalityAndAdjustmentsSurviveTheAvroMapping() {
        assertEquals(priced(), AvroMapping.fromAvro(AvroMapping.toAvro(decision(priced()))).lines().get(0));
        DecisionLine unpriced = new DecisionLine(1, "J3301", "d", "E", "FACILITY", null, null, null, null, null, null, null, "XXX", "NOT_PFS");
        assertEquals(unpriced, AvroMapping.fromAvro(AvroMapping.toAvro(decision(unpriced))).lines().get(0));
    }

    @Test
    void theJsonLineListsTheAdjustmentsAndTheAdjustedAmountAfterTheFeeScheduleAmount() {
        String json = DecisionJson.toJson(decision(priced()));

        assertTrue(json.contains("\"pricing\":\"PFS\",\"pricingZip\":\"99501\",\"pricingLocality\":\"0210201\",\"localityName\":\"ALASKA*\","
                + "\"workGpci\":1.5,\"peGpci\":1.065,\"mpGpci\":0.551,\"feeScheduleAmount\":\"1331.62\",\"adjustments\":[{\"kind\":"
                + "\"ASSISTANT\",\"factor\":\"0.16\",\"note\":\"80\"},{\"kind\":\"NON_PHYSICIAN_ASSISTANT\",\"factor\":\"0.85\",\"note\":\"AS\"}],"
                + "\"adjustedAllowed\":\"181.10\",\"pricingNote\":\"ZIP 99501 ...\"}"), json);
    }

    @Test
    void theSchemaWithTheLinePricingFieldsAndTheOneWithoutReadEachOther() throws Exception {
        Schema current = ClaimDecision.getClassSchema();
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(current.toString());
        ArrayNode lineFields = (ArrayNode) json.at("/fields/5/type/items/fields");
        for (int i = lineFields.size() - 1; i >= 0; i--) {
            if (NEW_FIELDS.contains(lineFields.get(i).get("name").asText())) {
                lineFields.remove(i);
            }
        }
        Schema before = new Schema.Parser().parse(json.toString());

        assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE,
                SchemaCompatibility.checkReaderWriterCompatibility(current, before).getType());
        assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE,
                SchemaCompatibility.checkReaderWriterCompatibility(before, current).getType());
        assertEquals(NEW_FIELDS.size(), ((ArrayNode) new ObjectMapper().readTree(current.toString()).at("/fields/5/type/items/fields")).size()
                - lineFields.size());
    }
}
