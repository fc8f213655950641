package io.evalify.api.job;

import io.evalify.schemas.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.JsonNodeFeature;

/**
 * One text per JSON value, however it was written: object keys sorted by their UTF-16 code units (as RFC 8785
 * orders them), no insignificant whitespace, and every number written as its value ({@code 1}, {@code 1.0},
 * {@code 1e0} and {@code 10E-1} all become {@code 1}), read exactly (no rounding through {@code double}).
 * Strings keep Jackson's escaping. Used to compare request bodies for idempotency; bodies are schema-validated
 * first, so their depth is small.
 */
final class CanonicalJson {

    private static final ObjectReader EXACT = Json.mapper().reader().with(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private CanonicalJson() {}

    /** The canonical text of a JSON document. */
    static String of(String json) {
        var out = new StringBuilder(json.length());
        write(EXACT.readTree(json), out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            writeObject(node, out);
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(number(node.decimalValue()));
        } else {
            out.append(Json.mapper().writeValueAsString(node));
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        List<String> names = new ArrayList<>(node.propertyNames());
        names.sort(null);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            out.append(i == 0 ? "" : ",").append(Json.mapper().writeValueAsString(names.get(i)));
            out.append(':');
            write(node.get(names.get(i)), out);
        }
        out.append('}');
    }

    /** Scientific notation keeps a huge exponent short; stripping trailing zeros makes equal values equal text. */
    private static String number(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toString();
    }
}
