package io.evalify.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The directory of one local run, {@code .evalify/local/<timestamp>/}: {@code logs/} for each child's
 * output, plus data directories (Kafka log dirs, Streams state) that die with the run.
 *
 * @param path the run directory
 */
public record RunDir(Path path) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Creates a fresh run directory under {@code localRoot}. */
    public static RunDir create(Path localRoot, LocalDateTime now) {
        String stamp = STAMP.format(now);
        Path dir = localRoot.resolve(stamp);
        for (int i = 2; Files.exists(dir); i++) {
            dir = localRoot.resolve(stamp + "-" + i);
        }
        RunDir run = new RunDir(dir);
        run.dir("logs");
        return run;
    }

    /** The log file of child {@code name}. */
    public Path log(String name) {
        return path.resolve("logs").resolve(name + ".log");
    }

    /** The logs directory. */
    public Path logs() {
        return path.resolve("logs");
    }

    /** A sub-directory, created if needed. */
    public Path dir(String name) {
        try {
            return Files.createDirectories(path.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path.resolve(name), e);
        }
    }
}
