package io.evalify.cli;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What the commands need from the world outside the JVM, gathered in one place so that tests can
 * replace it: environment variables, the repository root, whether stdout is a terminal, and how
 * often to poll a job.
 *
 * @param env environment variables
 * @param home the repository root ({@code -Devalify.home}, else the working directory)
 * @param tty whether stdout is an interactive terminal (live bar redrawn in place)
 * @param pollInterval how long to wait between two job status polls
 */
public record CliContext(Map<String, String> env, Path home, boolean tty, Duration pollInterval) {

    /** Poll interval used when watching a job: within the 250-500 ms the API is sized for. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(300);

    /** The context of the running process. */
    public static CliContext fromSystem() {
        String home = System.getProperty("evalify.home", System.getProperty("user.dir"));
        return new CliContext(
                System.getenv(), Path.of(home).toAbsolutePath().normalize(), detectTty(), DEFAULT_POLL_INTERVAL);
    }

    /** An environment variable, if set and not blank. */
    public Optional<String> envValue(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    /** Where {@code local} keeps its run directories and the {@code current.json} pointer. */
    public Path localRoot() {
        return home.resolve(".evalify").resolve("local");
    }

    /**
     * The launcher script passes {@code -Devalify.tty} (it knows whether fd 1 is a terminal); without it,
     * fall back to {@code Console.isTerminal()} (JDK 22+, called reflectively because we compile for 21).
     */
    private static boolean detectTty() {
        String forced = System.getProperty("evalify.tty");
        if (forced != null) {
            return Boolean.parseBoolean(forced);
        }
        if ("true".equalsIgnoreCase(System.getenv("CI")) || System.console() == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (boolean) isTerminal.invoke(System.console());
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a non-null console means a terminal
        }
    }
}
