package io.evalify.schemas;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks JSON documents against our schemas ({@link SchemaName}). Each schema is loaded from the
 * classpath once, on first use; {@code $ref}s between our schemas resolve on the classpath too, never over
 * the network. Formats ({@code date-time}, {@code uri}) are asserted, not only annotated.
 *
 * <p>Thread-safe; create one and share it. Invalid input never throws: it yields {@link FieldError}s.
 */
public final class SchemaValidator {

    /** Keywords whose error names a property of the object the error is reported on. */
    private static final Set<String> PROPERTY_KEYWORDS =
            Set.of("required", "additionalProperties", "unevaluatedProperties", "dependentRequired");

    private static final Comparator<FieldError> ORDER =
            Comparator.comparing(FieldError::pointer).thenComparing(FieldError::keyword);

    private final SchemaRegistry registry;
    private final Map<SchemaName, Schema> schemas = new ConcurrentHashMap<>();

    /** A validator with the standard configuration. */
    public SchemaValidator() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config)
                        .schemaIdResolvers(
                                ids -> ids.mapPrefix(SchemaName.ID_BASE, "classpath:" + SchemaName.RESOURCE_FOLDER)));
    }

    /**
     * Validates JSON text.
     *
     * @return the field errors, empty when the text is valid; a single {@link FieldError#MALFORMED_JSON} error
     *     when it is not JSON at all
     */
    public List<FieldError> validate(SchemaName schema, String json) {
        if (json == null || json.isBlank()) {
            return List.of(malformed("no JSON document"));
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (JacksonException e) {
            return List.of(malformed(e.getOriginalMessage()));
        }
        return validate(schema, node);
    }

    /**
     * Validates a parsed document.
     *
     * @return the field errors, sorted by pointer; empty when the document is valid
     */
    public List<FieldError> validate(SchemaName schema, JsonNode json) {
        if (json == null || json.isMissingNode()) {
            return List.of(malformed("no JSON document"));
        }
        return schemaFor(schema).validate(json).stream()
                .map(SchemaValidator::toFieldError)
                .distinct()
                .sorted(ORDER)
                .toList();
    }

    /** True when the text is JSON that matches the schema. */
    public boolean isValid(SchemaName schema, String json) {
        return validate(schema, json).isEmpty();
    }

    /** True when the document matches the schema. */
    public boolean isValid(SchemaName schema, JsonNode json) {
        return validate(schema, json).isEmpty();
    }

    private Schema schemaFor(SchemaName name) {
        return schemas.computeIfAbsent(name, this::load);
    }

    private Schema load(SchemaName name) {
        Schema schema = registry.getSchema(SchemaLocation.of(name.id()));
        schema.initializeValidators();
        return schema;
    }

    private static FieldError toFieldError(Error error) {
        String pointer = error.getInstanceLocation().toString();
        if (PROPERTY_KEYWORDS.contains(error.getKeyword()) && error.getProperty() != null) {
            pointer = pointer + "/" + escape(error.getProperty());
        }
        return new FieldError(pointer, error.getKeyword(), error.getMessage());
    }

    /** Escapes a property name as a JSON Pointer reference token (RFC 6901). */
    private static String escape(String property) {
        return property.replace("~", "~0").replace("/", "~1");
    }

    private static FieldError malformed(String reason) {
        return new FieldError("", FieldError.MALFORMED_JSON, "malformed JSON: " + reason);
    }
}
