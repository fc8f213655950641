package io.evalify.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One process started by the local run, with its output (stdout and stderr) sent to a log file. */
public final class ChildProcess {

    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} in {@code workDir} with {@code env} added to this JVM's environment. */
    public static ChildProcess start(
            String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close(); // stdin at EOF: no child may wait for, or steal, terminal input
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw StackException.startFailed(
                    "cannot start " + name + " (" + command.getFirst() + "): " + e.getMessage());
        }
    }

    /** The name used in messages and for the log file. */
    public String name() {
        return name;
    }

    /** The log file. */
    public Path log() {
        return log;
    }

    /** The operating-system process id. */
    public long pid() {
        return process.pid();
    }

    /** The operating-system handle. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Exit code of a process that has ended. */
    public int exitValue() {
        return process.exitValue();
    }

    /** Waits up to {@code timeout} for the process to end by itself; true if it did. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops the process and everything it spawned: SIGTERM, up to {@code grace} to exit, then SIGKILL.
     * Descendants are listed first, because they are re-parented (and so lost) once their parent is gone.
     */
    public void stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (!waitFor(grace)) {
            process.destroyForcibly();
            waitFor(KILL_WAIT);
        }
        descendants.forEach(d -> terminate(d, grace));
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The last {@code lines} lines of the log, to show why a process failed. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, up to {@code grace} to exit, then SIGKILL; also for processes this run did not start. */
    static void terminate(ProcessHandle handle, Duration grace) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        if (!awaitEnd(handle, grace)) {
            handle.destroyForcibly();
            awaitEnd(handle, KILL_WAIT);
        }
    }

    private static boolean awaitEnd(ProcessHandle handle, Duration timeout) {
        CompletableFuture<ProcessHandle> exit = handle.onExit();
        try {
            exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
