package org.camaudit.testsupport.fuzz;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Values for an OpenAPI schema: mostly what the schema asks for, often something close to it but wrong (the wrong
 * type, an out-of-range number, a fraction for an integer, hostile text, an unknown field, null), the way a careless
 * or hostile client would write it.
 */
final class SchemaValues {

    /** Text that has broken parsers, databases and spreadsheets before. */
    static final List<String> HOSTILE_TEXT = List.of("", " ", "a\u0000b", "\u001b[31m", "\ud800", "\udc00x", "%00",
            "'; DROP TABLE device; --", "=HYPERLINK(\"http://x\")", "../../etc/passwd", "\u202e\u0645", "💥📷",
            "x".repeat(5000), "+99999-01-01T00:00:00Z", "-1", "1e400", "NaN", "null", "true", "{}", "[]", "\\",
            "%", "%zz", "*", "?", "#", "a,b", "\"quoted\"", "line\nbreak", "\t");
    static final List<Object> HOSTILE_NUMBERS = List.of(0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
            Long.MIN_VALUE, 80.5, 1e308, -0.0, new java.math.BigInteger("123456789012345678901234567890"));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;
    /** JSON nodes one body may hold at most, so nested arrays of nested arrays stay a few hundred KiB. */
    private static final int MAX_NODES = 20_000;

    private int nodesLeft;

    private final JsonNode components;
    private final Random random;

    SchemaValues(JsonNode spec, Random random) {
        this.components = spec.path("components").path("schemas");
        this.random = random;
    }

    /** A JSON value for {@code schema}, mutated now and then. */
    JsonNode value(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (depth == 0) {
            nodesLeft = MAX_NODES;
        }
        if (depth > MAX_DEPTH || --nodesLeft <= 0) {
            return NODES.nullNode();
        }
        if (random.nextInt(12) == 0) {
            return mutant();
        }
        JsonNode options = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
        if (options != null && options.size() > 0) {
            return value(options.get(random.nextInt(options.size())), depth + 1);
        }
        if (schema.has("enum") && schema.get("enum").size() > 0 && random.nextInt(4) != 0) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        if (schema.has("example") && random.nextInt(3) == 0) {
            return schema.get("example");
        }
        switch (type(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    if (random.nextInt(4) != 0) {
                        object.set(property.getKey(), value(property.getValue(), depth + 1));
                    }
                }
                if (random.nextInt(10) == 0) {
                    object.put("unexpected" + random.nextInt(100), "field");
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int n = depth <= 1 && random.nextInt(10) == 0 ? 200 + random.nextInt(2000) : random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    array.add(value(schema.path("items"), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return random.nextInt(3) == 0 ? NODES.numberNode(random.nextInt(2000) - 1)
                        : NODES.pojoNode(HOSTILE_NUMBERS.get(random.nextInt(HOSTILE_NUMBERS.size())));
            }
            case "number" -> {
                return NODES.numberNode(random.nextInt(3) == 0 ? random.nextDouble() * 1e6 : -random.nextDouble() * 1e12);
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                return NODES.textNode(text(schema));
            }
        }
    }

    /** Text for a string schema: a format-shaped value, a short word, or hostile text. */
    String text(JsonNode schema) {
        schema = resolve(schema);
        if (random.nextInt(3) == 0) {
            return HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size()));
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size())).asText();
        }
        return switch (schema.path("format").asText("")) {
            case "date-time" -> random.nextBoolean() ? "2026-11-28T10:00:0" + random.nextInt(10) + "Z" : "+99999-01-01T00:00:00Z";
            case "date" -> random.nextBoolean() ? "2026-06-30" : "0000-13-45";
            case "uuid" -> random.nextBoolean() ? java.util.UUID.randomUUID().toString() : "not-a-uuid";
            case "int32", "int64" -> String.valueOf(HOSTILE_NUMBERS.get(random.nextInt(HOSTILE_NUMBERS.size())));
            default -> schema.has("example") && random.nextBoolean() ? schema.get("example").asText()
                    : "fz-" + Integer.toString(random.nextInt(1 << 20), 36);
        };
    }

    /** A value of some other type than the schema asked for. */
    private JsonNode mutant() {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.textNode(HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size())));
            case 2 -> NODES.pojoNode(HOSTILE_NUMBERS.get(random.nextInt(HOSTILE_NUMBERS.size())));
            case 3 -> NODES.booleanNode(true);
            case 4 -> NODES.objectNode().put("nested", "object");
            case 5 -> NODES.arrayNode().add(1).add("two");
            default -> NODES.numberNode(80.5);
        };
    }

    /** The schema a {@code $ref} points at (components only), else the schema itself. */
    JsonNode resolve(JsonNode schema) {
        for (int i = 0; i < 10 && schema.has("$ref"); i++) {
            String ref = schema.get("$ref").asText();
            schema = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0));
        }
        return schema;
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
            return "string";
        }
        return type.asText();
    }
}
