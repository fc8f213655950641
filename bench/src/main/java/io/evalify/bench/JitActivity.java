package io.evalify.bench;

import io.evalify.localstack.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How busy the JIT compilers of the stack's Java processes are, from Linux's {@code /proc}: the CPU time of their
 * HotSpot compiler threads ({@code C1 CompilerThreadN}, {@code C2 CompilerThreadN}) against the CPU time of the
 * whole stack. On a 2-core machine a C2 compilation takes 0.1–0.4 s, and hundreds of hot methods queue behind
 * one compiler thread for tens of seconds: a scenario measured then measures the compiler, not the service.
 *
 * @param compilers CPU time of every compiler thread
 * @param total CPU time of every process of the stack
 */
record JitActivity(Duration compilers, Duration total) {

    private static final String COMPILER_THREAD = "CompilerThre"; // comm is cut to 15 characters
    private static final long USER_HZ = 100; // /proc/<pid>/stat counts clock ticks of 1/100 s on Linux

    /** The stack's CPU time so far, or empty where {@code /proc} cannot be read (not Linux). */
    static Optional<JitActivity> sample(List<ChildProcess> children) {
        if (!Files.isDirectory(Path.of("/proc/self/task"))) {
            return Optional.empty();
        }
        Duration compilers =
                children.stream().map(child -> compilerCpu(child.pid())).reduce(Duration.ZERO, Duration::plus);
        Duration total = CpuUsage.sample(children).byProcess().values().stream().reduce(Duration.ZERO, Duration::plus);
        return Optional.of(new JitActivity(compilers, total));
    }

    /** The compilers' share (0–1) of the stack's CPU time between {@code before} and this sample. */
    double compilerShareSince(JitActivity before) {
        long used = total.minus(before.total).toMillis();
        // an idle compiler thread may exit and take its count along: never below zero
        long compiling = Math.max(0, compilers.minus(before.compilers).toMillis());
        return used <= 0 ? 0 : Math.min(1.0, (double) compiling / used);
    }

    private static Duration compilerCpu(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            long ticks = threads.filter(JitActivity::isCompilerThread)
                    .mapToLong(JitActivity::cpuTicks)
                    .sum();
            return Duration.ofMillis(ticks * 1000 / USER_HZ);
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO; // the process ended or is not ours to read
        }
    }

    private static boolean isCompilerThread(Path task) {
        try {
            return Files.readString(task.resolve("comm")).contains(COMPILER_THREAD);
        } catch (IOException e) {
            return false;
        }
    }

    /** utime + stime: fields 14 and 15 of {@code stat}, counted after the command name's closing parenthesis. */
    private static long cpuTicks(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
