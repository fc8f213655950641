package io.evalify.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.evalify.schemas.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * The pointer {@code .evalify/local/current.json} that {@code local --keep-running} leaves while its
 * stack is up, so that {@code submit}, {@code status} ... find the API without flags.
 *
 * @param apiUrl the API root
 * @param apiKey the API key of that run
 * @param runDir the run directory (logs)
 * @param pid the process id of the {@code evalify local} that owns the stack
 * @param bootstrapServers the Kafka broker of that run (absent from files written by older versions)
 */
public record CurrentRun(
        @JsonProperty("api_url") String apiUrl,
        @JsonProperty("api_key") String apiKey,
        @JsonProperty("run_dir") String runDir,
        @JsonProperty("pid") long pid,
        @JsonProperty("bootstrap_servers") String bootstrapServers) {

    /** File name inside {@code .evalify/local}. */
    public static final String FILE_NAME = "current.json";

    /** Reads the pointer if present, readable and its owner is still alive (a crash can leave it stale). */
    public static Optional<CurrentRun> readLive(Path localRoot) {
        Path file = localRoot.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            CurrentRun run = Json.mapper().readValue(file.toFile(), CurrentRun.class);
            return ProcessHandle.of(run.pid()).filter(ProcessHandle::isAlive).map(p -> run);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** Writes the pointer (owner-only permissions are not needed: it lives in the user's own checkout). */
    public void write(Path localRoot) {
        try {
            Files.createDirectories(localRoot);
            Files.writeString(localRoot.resolve(FILE_NAME), Json.mapper().writeValueAsString(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the pointer if it is ours. */
    public static void deleteIfOwnedBy(Path localRoot, long pid) {
        Path file = localRoot.resolve(FILE_NAME);
        try {
            if (Files.isRegularFile(file)
                    && Json.mapper().readValue(file.toFile(), CurrentRun.class).pid() == pid) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | JacksonException e) {
            // best effort at shutdown: a stale pointer is ignored by readLive anyway
        }
    }
}
