package io.evalify.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The whole machine's CPU time from Linux's {@code /proc/stat}: what every process used (busy), and what the
 * hypervisor gave to other guests while this one wanted to run (steal). Against the stack's own CPU time it
 * shows how much of a noisy run went to work outside the stack.
 *
 * @param busy user, nice, system, irq and softirq time of all cores
 * @param steal time stolen by the hypervisor, all cores
 */
record MachineCpu(Duration busy, Duration steal) {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final long USER_HZ = 100; // /proc/stat counts clock ticks of 1/100 s on Linux

    /** The totals so far, or empty where {@code /proc/stat} cannot be read (not Linux). */
    static Optional<MachineCpu> read() {
        try (var lines = Files.lines(PROC_STAT)) {
            return lines.findFirst().map(MachineCpu::parse);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Parses the aggregate line: {@code cpu user nice system idle iowait irq softirq steal ...}. */
    static MachineCpu parse(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        if (!fields[0].equals("cpu") || fields.length < 9) {
            throw new IllegalArgumentException("not the aggregate cpu line of /proc/stat: " + cpuLine);
        }
        long busy = ticks(fields, 1) + ticks(fields, 2) + ticks(fields, 3) + ticks(fields, 6) + ticks(fields, 7);
        return new MachineCpu(millis(busy), millis(ticks(fields, 8)));
    }

    private static long ticks(String[] fields, int index) {
        return Long.parseLong(fields[index]);
    }

    private static Duration millis(long ticks) {
        return Duration.ofMillis(ticks * 1000 / USER_HZ);
    }
}
