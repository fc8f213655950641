package io.evalify.localstack;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Supervises the child processes of one local run: starts them with their logs in the run directory,
 * waits for each to become ready, notices when one dies, and stops them all, newest first, exactly once
 * (from the normal end of the run or from the shutdown hook, whichever comes first).
 */
public final class LocalStack implements AutoCloseable {

    /** How long a child may take to exit after SIGTERM before it is killed. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private static final Duration READY_POLL = Duration.ofMillis(200);
    private static final int TAIL_LINES = 25;

    private final RunDir runDir;
    private final Path workDir;
    private final PrintWriter out;
    private final List<ChildProcess> children = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Duration stopGrace;

    /** A stack whose children run in {@code workDir} and log under {@code runDir}. */
    public LocalStack(RunDir runDir, Path workDir, PrintWriter out) {
        this(runDir, workDir, out, STOP_GRACE);
    }

    /** As above, with a custom SIGTERM grace period (tests). */
    public LocalStack(RunDir runDir, Path workDir, PrintWriter out, Duration stopGrace) {
        this.runDir = runDir;
        this.workDir = workDir;
        this.out = out;
        this.stopGrace = stopGrace;
    }

    /** The run directory. */
    public RunDir runDir() {
        return runDir;
    }

    /** Starts a child whose output goes to {@code logs/<name>.log}. */
    public ChildProcess start(String name, List<String> command, Map<String, String> env) {
        // Under the list's lock, so that a concurrent close() either sees this child or refuses it.
        synchronized (children) {
            if (closed.get()) {
                throw StackException.startFailed("the local stack is stopping");
            }
            ChildProcess child = ChildProcess.start(name, command, env, workDir, runDir.log(name));
            children.add(child);
            LeftoverProcesses.record(runDir, child.handle());
            return child;
        }
    }

    /**
     * Runs a one-shot command (e.g. formatting storage) to its end; it is stopped with the stack if the
     * run is interrupted meanwhile, and fails the start if it does not end within {@code timeout}.
     */
    public ChildProcess runToCompletion(String name, List<String> command, Duration timeout) {
        ChildProcess child = start(name, command, Map.of());
        try {
            if (!child.awaitExit(timeout)) {
                throw StackException.startFailed(name + " did not finish within " + timeout.toSeconds() + " s");
            }
            children.remove(child);
            return child;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StackException.startFailed("interrupted while running " + name);
        }
    }

    /**
     * Waits until {@code check} passes; fails early, with the log's tail, if this child or any other
     * supervised child dies first (a dead broker would otherwise only show as an app that never gets ready).
     */
    public void awaitReady(ChildProcess child, Readiness check, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!check.isReady()) {
            firstDead().ifPresent(dead -> {
                throw StackException.startFailed(died(dead));
            });
            if (Instant.now().isAfter(deadline)) {
                throw StackException.startFailed(child.name() + " not ready after " + timeout.toSeconds()
                        + " s; last lines of " + child.log() + ":" + System.lineSeparator() + child.tail(TAIL_LINES));
            }
            sleep(READY_POLL);
        }
    }

    /** Throws if any child has died: the run cannot go on without it. */
    public void checkAlive() {
        firstDead().ifPresent(dead -> {
            throw StackException.childDied(died(dead));
        });
    }

    private Optional<ChildProcess> firstDead() {
        return snapshot().stream().filter(c -> !c.isAlive()).findFirst();
    }

    /** Blocks until a child dies (then throws) or the stack is closed (e.g. by the shutdown hook on Ctrl-C). */
    public void awaitTermination() {
        while (!closed.get()) {
            checkAlive();
            sleep(Duration.ofSeconds(1));
        }
    }

    /** The children started so far, oldest first. */
    public List<ChildProcess> snapshot() {
        synchronized (children) {
            return List.copyOf(children);
        }
    }

    /** Stops every child, newest first; safe to call more than once and from a shutdown hook. */
    @Override
    public void close() {
        List<ChildProcess> reversed;
        synchronized (children) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            reversed = new ArrayList<>(children);
        }
        Collections.reverse(reversed);
        out.printf("stopping %d local process(es)...%n", reversed.size());
        out.flush();
        reversed.forEach(c -> c.stop(stopGrace));
        LeftoverProcesses.forget(runDir);
        out.println("all local processes stopped");
        out.flush();
    }

    private static String died(ChildProcess child) {
        return child.name() + " exited with code " + child.exitValue() + "; last lines of " + child.log() + ":"
                + System.lineSeparator() + child.tail(TAIL_LINES);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StackException.startFailed("interrupted");
        }
    }

    /** A readiness check of a child: a TCP answer, an HTTP 200, a ready file. */
    @FunctionalInterface
    public interface Readiness {
        /** True once the child serves; must not throw for "not yet". */
        boolean isReady();
    }
}
