package io.evalify.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where the built artifacts the local run starts live, relative to the repository root (the launcher
 * passes it as {@code -Devalify.home}): the exec jars under each module's {@code target/} and the broker
 * jars that {@code kafka-local} copies to {@code target/lib}.
 *
 * @param home the repository root
 */
public record RepoLayout(Path home) {

    private static final String VERSION = "0.1.0-SNAPSHOT";

    /** The broker's jars ({@code kafka-local/target/lib}). */
    public Path kafkaLib() {
        return home.resolve("kafka-local/target/lib");
    }

    /** The broker's quiet log4j2 configuration. */
    public Path kafkaLogConfig() {
        return home.resolve("kafka-local/conf/log4j2.xml");
    }

    /** The fakes' exec jar. */
    public Path fakesJar() {
        return execJar("fakes");
    }

    /** The API's exec jar. */
    public Path apiJar() {
        return execJar("api");
    }

    /** The worker's exec jar. */
    public Path workerJar() {
        return execJar("stream-worker");
    }

    /** The shared sample fixture, when the checkout has the {@code shared/} folder beside (or inside) it. */
    public Optional<Path> sharedFixture() {
        String name = "fixtures/evalify-sample-fixture.json";
        return List.of(
                        home.resolveSibling("shared").resolve(name),
                        home.resolve("shared").resolve(name))
                .stream()
                .filter(Files::isRegularFile)
                .findFirst();
    }

    /** What is missing to start a stack; {@code withFakes} adds the fakes jar. */
    public List<Path> missing(boolean withFakes) {
        List<Path> required = new ArrayList<>(List.of(kafkaLib(), kafkaLogConfig(), apiJar(), workerJar()));
        if (withFakes) {
            required.add(fakesJar());
        }
        return required.stream().filter(p -> !Files.exists(p)).toList();
    }

    /** Throws (exit code 3) naming what is missing to start a stack. */
    public void requireBuilt(boolean withFakes) {
        List<Path> missing = missing(withFakes);
        if (!missing.isEmpty()) {
            throw StackException.startFailed("not built yet: "
                    + missing.stream().map(p -> home.relativize(p).toString()).collect(Collectors.joining(", "))
                    + " (the ./evalify launcher builds them; or run ./mvnw -DskipTests install)");
        }
    }

    private Path execJar(String module) {
        return home.resolve(module + "/target/" + module + "-" + VERSION + "-exec.jar");
    }
}
