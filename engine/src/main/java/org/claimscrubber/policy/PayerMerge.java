package org.claimscrubber.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * How a payer section inherits from the default: the payer's policy entries are laid over the default policies of the
 * same id (a new id adds a policy). Maps merge key by key; lists of named entries (regions, levels) merge by name, a
 * new name adding an entry; every other value, lists included (codes, diagnoses, notCovered), replaces the default's.
 */
final class PayerMerge {
    private PayerMerge() {
    }

    /** The default policies with the payer's entries laid over them; neither input is changed. */
    static ArrayNode policies(JsonNode defaults, JsonNode payer) {
        ArrayNode merged = defaults == null || !defaults.isArray() ? JsonNodeFactory.instance.arrayNode() : ((ArrayNode) defaults).deepCopy();
        if (payer != null && payer.isArray()) {
            byKey(merged, (ArrayNode) payer, "id");
        }
        return merged;
    }

    private static void byKey(ArrayNode base, ArrayNode over, String key) {
        for (JsonNode entry : over) {
            JsonNode id = entry.get(key);
            ObjectNode target = null;
            for (JsonNode b : base) {
                if (id != null && b.isObject() && id.equals(b.get(key))) {
                    target = (ObjectNode) b;
                }
            }
            if (target == null) {
                base.add(entry.deepCopy());
            } else {
                object(target, (ObjectNode) entry);
            }
        }
    }

    private static void object(ObjectNode base, ObjectNode over) {
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode was = base.get(e.getKey());
            JsonNode now = e.getValue();
            if (was != null && was.isObject() && now.isObject()) {
                object((ObjectNode) was, (ObjectNode) now);
            } else if (was != null && named(was) && named(now)) {
                byKey((ArrayNode) was, (ArrayNode) now, "name");
            } else {
                base.set(e.getKey(), now.deepCopy());
            }
        }
    }

    /** A list whose entries are all maps with a name (regions, levels). */
    private static boolean named(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode n : node) {
            if (!n.isObject() || !n.hasNonNull("name")) {
                return false;
            }
        }
        return true;
    }
}
