package org.claimscrubber.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A policy file as a tree whose every scalar but a boolean is its text as written ({@code 00100} stays 00100, not the
 * octal number 64) and remembers its line, so that a value that cannot be used is reported where it stands, also after a payer
 * section was laid over the defaults (value nodes are shared, not copied, by {@code deepCopy}).
 */
final class LocatedYaml {
    private LocatedYaml() {
    }

    /** A scalar and the line it was read from. */
    static final class Scalar extends TextNode {
        final int line;

        Scalar(String text, int line) {
            super(text);
            this.line = line;
        }
    }

    static JsonNode read(JsonFactory yaml, byte[] bytes) throws IOException {
        try (JsonParser p = yaml.createParser(bytes)) {
            JsonToken t = p.nextToken();
            return t == null ? null : node(p, t);
        }
    }

    private static JsonNode node(JsonParser p, JsonToken t) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    o.set(field, node(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    a.add(node(p, n));
                }
                return a;
            }
            case VALUE_NULL -> {
                return f.nullNode();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return f.booleanNode(t == JsonToken.VALUE_TRUE); // YAML's yes/no/on/off too, as the typed reading has them
            }
            default -> {
                return new Scalar(p.getText(), p.currentTokenLocation().getLineNr());
            }
        }
    }

    /**
     * The lines, in ascending order, of the scalars under {@code node} that read {@code value} (trimmed, any case; any
     * value when null), held by a field named {@code key} (or by a list under it; any field when null).
     */
    static List<Integer> lines(JsonNode node, String key, String value) {
        List<Integer> found = new ArrayList<>();
        walk(node, null, key, value, found);
        found.sort(null);
        return found;
    }

    /** The first of {@link #lines}, or 0 when there is none. */
    static int line(JsonNode node, String key, String value) {
        List<Integer> found = lines(node, key, value);
        return found.isEmpty() ? 0 : found.get(0);
    }

    private static void walk(JsonNode node, String field, String key, String value, List<Integer> found) {
        if (node instanceof Scalar s) {
            if ((key == null || key.equals(field)) && (value == null || s.textValue().strip().equalsIgnoreCase(value.strip()))) {
                found.add(s.line);
            }
        } else if (node instanceof ObjectNode o) {
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                walk(e.getValue(), e.getKey(), key, value, found);
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode n : a) {
                walk(n, field, key, value, found);
            }
        }
    }
}
