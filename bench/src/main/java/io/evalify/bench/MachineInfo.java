package io.evalify.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The machine a bench ran on, for the report: numbers are only comparable on like machines.
 *
 * @param cpus processors available to the JVM ({@code nproc})
 * @param cpuModel {@code model name} from {@code /proc/cpuinfo}
 * @param memoryMib {@code MemTotal} from {@code /proc/meminfo}
 * @param os operating system name and version
 * @param java the JVM every process ran on
 * @param date when the bench started
 * @param loadAverage the 1-minute load average when the bench started: other work skews every number
 */
public record MachineInfo(
        int cpus, String cpuModel, long memoryMib, String os, String java, Instant date, double loadAverage) {

    /** Reads this machine's description. */
    public static MachineInfo detect(Instant date) {
        return new MachineInfo(
                Runtime.getRuntime().availableProcessors(),
                field(Path.of("/proc/cpuinfo"), "model name").orElse("unknown"),
                field(Path.of("/proc/meminfo"), "MemTotal")
                        .map(kib -> Long.parseLong(kib.replaceAll("\\D", "")) / 1024)
                        .orElse(-1L),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                date,
                currentLoadAverage());
    }

    /** Whether other work was running when the bench started (load above half the CPUs). */
    public boolean busy() {
        return loadAverage > cpus / 2.0;
    }

    private static double currentLoadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** The value of the first {@code name: value} line of a {@code /proc} file. */
    static Optional<String> field(Path file, String name) {
        try {
            return parse(Files.readAllLines(file), name);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<String> parse(List<String> lines, String name) {
        return lines.stream()
                .filter(l -> l.startsWith(name) && l.indexOf(':') > 0)
                .filter(l -> l.substring(0, l.indexOf(':')).trim().equals(name))
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst();
    }
}
