package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.DecisionJson;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.decision.Severity;
import org.junit.jupiter.api.Test;

/** The finding's remark code (§4a rule 10): carried through Avro and JSON, and a compatible schema change. */
class FindingRarcTest {
    private static Decision decision(String rarc) {
        Finding f = new Finding("FREQUENCY_LIMIT", Severity.DENY, List.of(1), List.of(), List.of("C0"), "CO-151", "m", "r", rarc);
        return new Decision("C1", "E1", "M1", Disposition.FLAGGED, List.of(f), List.of(), Map.of(), Instant.parse("2026-12-03T10:00:00Z"));
    }

    @Test
    void rarcSurvivesTheAvroMapping() {
        assertEquals("N386", AvroMapping.fromAvro(AvroMapping.toAvro(decision("N386"))).findings().get(0).rarc());
        assertEquals(null, AvroMapping.fromAvro(AvroMapping.toAvro(decision(null))).findings().get(0).rarc());
    }

    @Test
    void rarcIsWrittenAfterTheCarcInJson() {
        assertTrue(DecisionJson.toJson(decision("N386")).contains("\"carc\":\"CO-151\",\"rarc\":\"N386\","));
        assertTrue(DecisionJson.toJson(decision(null)).contains("\"carc\":\"CO-151\",\"rarc\":null,"));
    }

    @Test
    void theSchemaWithRarcAndTheOneWithoutReadEachOther() throws Exception {
        Schema current = ClaimDecision.getClassSchema();
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(current.toString());
        ArrayNode findingFields = (ArrayNode) json.at("/fields/4/type/items/fields");
        for (int i = 0; i < findingFields.size(); i++) {
            if (findingFields.get(i).get("name").asText().equals("rarc")) {
                findingFields.remove(i);
            }
        }
        Schema before = new Schema.Parser().parse(json.toString());

        assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE,
                SchemaCompatibility.checkReaderWriterCompatibility(current, before).getType());
        assertEquals(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE,
                SchemaCompatibility.checkReaderWriterCompatibility(before, current).getType());
        assertTrue(before.toString().length() < current.toString().length());
    }
}
