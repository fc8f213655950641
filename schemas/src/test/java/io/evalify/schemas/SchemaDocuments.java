package io.evalify.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads our schema files as plain JSON, for tests that inspect the schemas themselves. */
final class SchemaDocuments {

    private SchemaDocuments() {}

    /** The schema file of {@code name}, parsed. */
    static JsonNode read(SchemaName name) {
        try (InputStream in = SchemaDocuments.class.getClassLoader().getResourceAsStream(name.resourcePath())) {
            if (in == null) {
                throw new IllegalStateException("schema not on the classpath: " + name.resourcePath());
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A subschema together with the document its local {@code $ref}s resolve against. */
    record Located(JsonNode node, SchemaName document) {

        /** Follows {@code $ref} (local or to another of our files) until a schema without one. */
        Located resolved() {
            Located current = this;
            while (current.node.has("$ref")) {
                current = current.follow(current.node.get("$ref").asString());
            }
            return current;
        }

        private Located follow(String ref) {
            int hash = ref.indexOf('#');
            String file = hash < 0 ? ref : ref.substring(0, hash);
            String pointer = hash < 0 ? "" : ref.substring(hash + 1);
            SchemaName target = file.isEmpty() ? document : byFileName(file);
            return new Located(read(target).at(pointer), target);
        }

        /** The subschema of one property after {@code $ref}s, or null when the schema does not declare it. */
        Located property(String name) {
            JsonNode property = resolved().node.path("properties").get(name);
            return property == null ? null : new Located(property, resolved().document).resolved();
        }

        /** The declared property names (of the resolved schema). */
        Set<String> propertyNames() {
            return new LinkedHashSet<>(resolved().node.path("properties").propertyNames());
        }

        /** The {@code required} names (of the resolved schema). */
        List<String> required() {
            List<String> names = new ArrayList<>();
            resolved().node.path("required").values().forEach(n -> names.add(n.asString()));
            return names;
        }
    }

    static Located root(SchemaName name) {
        return new Located(read(name), name);
    }

    static SchemaName byFileName(String fileName) {
        for (SchemaName name : SchemaName.values()) {
            if (name.fileName().equals(fileName)) {
                return name;
            }
        }
        throw new IllegalArgumentException("not one of our schemas: " + fileName);
    }
}
