package io.evalify.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * An example payload from {@code examples/<schema>/} (valid) or {@code examples/<schema>/invalid/} (invalid,
 * named after the reason it must be rejected).
 */
record Example(SchemaName schema, Path file, boolean valid) {

    static final String FOLDER = "examples";
    static final String INVALID_FOLDER = "invalid";

    /** Every valid example of every schema. */
    static List<Example> allValid() {
        return Stream.of(SchemaName.values())
                .flatMap(schema ->
                        jsonFiles(folder().resolve(schema.baseName())).map(file -> new Example(schema, file, true)))
                .toList();
    }

    /** Every invalid example of every schema. */
    static List<Example> allInvalid() {
        return Stream.of(SchemaName.values())
                .flatMap(schema -> jsonFiles(folder().resolve(schema.baseName()).resolve(INVALID_FOLDER))
                        .map(file -> new Example(schema, file, false)))
                .toList();
    }

    /** The examples folder on the test classpath (a directory: target/classes/examples). */
    static Path folder() {
        return classpathFolder(FOLDER);
    }

    static Path classpathFolder(String name) {
        URL url = Example.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("classpath folder not found: " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code .json} files directly in a folder, sorted; none when the folder does not exist. */
    static Stream<Path> jsonFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code <schema>/<file>} or {@code <schema>/invalid/<file>}, for test names and lookup tables. */
    String name() {
        return schema.baseName() + "/" + (valid ? "" : INVALID_FOLDER + "/") + file.getFileName();
    }

    String text() {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode tree() {
        return Json.mapper().readTree(text());
    }

    @Override
    public String toString() {
        return name();
    }
}
