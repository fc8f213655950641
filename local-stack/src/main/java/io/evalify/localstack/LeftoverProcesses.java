package io.evalify.localstack;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Children that a run could not stop itself. A run killed with SIGKILL runs no shutdown hook, so its broker,
 * Redis and apps keep running and hold their ports and CPU. Each run therefore lists its children in
 * {@code children.pids} in its run directory, and the next run under the same root stops those whose owner is
 * gone. Every process is identified by its pid and start time, so a pid the system has since given to an
 * unrelated process is never touched.
 */
public final class LeftoverProcesses {

    /** The file beside a run's logs. */
    static final String FILE_NAME = "children.pids";

    private LeftoverProcesses() {}

    /** Notes that the current process started {@code child} for the run in {@code runDir}. */
    public static void record(RunDir runDir, ProcessHandle child) {
        var line = stamp(ProcessHandle.current()) + " " + stamp(child) + System.lineSeparator();
        try {
            Files.writeString(
                    runDir.path().resolve(FILE_NAME),
                    line,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record child " + child.pid(), e);
        }
    }

    /** Forgets the run's children once it has stopped them itself. */
    public static void forget(RunDir runDir) {
        try {
            Files.deleteIfExists(runDir.path().resolve(FILE_NAME));
        } catch (IOException e) {
            // A stale list is harmless: its children are gone, so the next run finds nothing to stop.
        }
    }

    /**
     * Stops the children of every run under {@code root} whose owner has died (SIGTERM, then SIGKILL after
     * {@code grace}), reports each on {@code out}, and removes their lists. Runs still alive are left alone.
     *
     * @return how many processes were stopped
     */
    public static int reap(Path root, Duration grace, PrintWriter out) {
        int stopped = 0;
        for (Path list : lists(root)) {
            var entries = read(list);
            if (entries.isEmpty() || entries.getFirst().owner().isAlive()) {
                continue;
            }
            // Newest first, as the run itself would have: the apps before the broker and Redis they use.
            for (Entry entry : entries.reversed()) {
                Optional<ProcessHandle> child = entry.child().live();
                if (child.isPresent()) {
                    out.printf(
                            "stopping pid %d left running by an earlier run (%s)%n",
                            child.get().pid(), list.getParent().getFileName());
                    ChildProcess.terminate(child.get(), grace);
                    stopped++;
                }
            }
            delete(list);
        }
        out.flush();
        return stopped;
    }

    private static List<Path> lists(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        var lists = new ArrayList<Path>();
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path run : runs) {
                Path list = run.resolve(FILE_NAME);
                if (Files.isRegularFile(list)) {
                    lists.add(list);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return lists;
    }

    private static List<Entry> read(Path list) {
        try {
            return Files.readAllLines(list, StandardCharsets.UTF_8).stream()
                    .map(Entry::parse)
                    .flatMap(Optional::stream)
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static void delete(Path list) {
        try {
            Files.deleteIfExists(list);
        } catch (IOException e) {
            // Tried again by the next run.
        }
    }

    private static String stamp(ProcessHandle process) {
        return process.pid() + " "
                + process.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    }

    /** A process as recorded: its pid and start time (-1 when the system did not say). */
    private record Stamp(long pid, long startedMillis) {

        /** The process, if it still runs and is the one recorded (same start time). */
        Optional<ProcessHandle> live() {
            if (startedMillis < 0) {
                return Optional.empty();
            }
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info()
                            .startInstant()
                            .map(Instant::toEpochMilli)
                            .filter(started -> started == startedMillis)
                            .isPresent());
        }

        boolean isAlive() {
            // An owner whose start time is unknown counts as alive: better to leave processes than kill a live run's.
            return startedMillis < 0 || live().isPresent();
        }
    }

    /** One line: the owner (the CLI of that run) and one child it started. */
    private record Entry(Stamp owner, Stamp child) {
        static Optional<Entry> parse(String line) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length != 4) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Entry(
                        new Stamp(Long.parseLong(fields[0]), Long.parseLong(fields[1])),
                        new Stamp(Long.parseLong(fields[2]), Long.parseLong(fields[3]))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
