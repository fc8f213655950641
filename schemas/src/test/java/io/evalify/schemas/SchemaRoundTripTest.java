package io.evalify.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.schemas.SchemaDocuments.Located;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every valid example read into its Java record and written back is still valid and says the same thing:
 * equal as a JSON tree once absent optional nulls are ignored, schema {@code default}s are filled in and
 * numbers are compared by value (2 == 2.0).
 */
class SchemaRoundTripTest {

    /** Orders numbers by value and everything else by equality, for {@link JsonNode#equals(Comparator, JsonNode)}. */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private final SchemaValidator validator = new SchemaValidator();

    static List<Example> recordBackedExamples() {
        return Example.allValid().stream()
                .filter(e -> e.schema().recordType().isPresent())
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordBackedExamples")
    void shouldRoundTripEveryValidExampleThroughItsRecord(Example example) {
        Class<? extends Record> type = example.schema().recordType().orElseThrow();

        Record record = Json.mapper().treeToValue(example.tree(), type);
        JsonNode written = Json.mapper().valueToTree(record);

        assertThat(validator.validate(example.schema(), written)).isEmpty();
        JsonNode expected = withDefaults(withoutNulls(example.tree()), SchemaDocuments.root(example.schema()));
        assertThat(withoutNulls(written).equals(NUMBERS_BY_VALUE, expected))
                .as("written %s%nexpected %s", written, expected)
                .isTrue();
    }

    /** A copy without any object member whose value is null. */
    private static JsonNode withoutNulls(JsonNode node) {
        JsonNode copy = node.deepCopy();
        removeNulls(copy);
        return copy;
    }

    private static void removeNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.removeIf(JsonNode::isNull);
        }
        node.values().forEach(SchemaRoundTripTest::removeNulls);
    }

    /** A copy where every absent property with a schema {@code default} has that default, recursively. */
    private static JsonNode withDefaults(JsonNode node, Located schema) {
        JsonNode copy = node.deepCopy();
        fillDefaults(copy, schema);
        return copy;
    }

    private static void fillDefaults(JsonNode node, Located schema) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (String name : schema.propertyNames()) {
            Located property = schema.property(name);
            if (!object.has(name) && property.node().has("default")) {
                object.set(name, property.node().get("default").deepCopy());
            }
            if (object.has(name)) {
                fillDefaults(object.get(name), property);
            }
        }
        JsonNode additional = schema.resolved().node().get("additionalProperties");
        if (additional != null && additional.isObject()) {
            Located each = new Located(additional, schema.resolved().document()).resolved();
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                if (!schema.propertyNames().contains(member.getKey())) {
                    fillDefaults(member.getValue(), each);
                }
            }
        }
    }
}
