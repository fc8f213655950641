package io.evalify.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Peak resident memory of a (Linux) process, from {@code /proc/<pid>/status}. */
final class ProcessMemory {

    private ProcessMemory() {}

    /** {@code VmHWM} (the peak resident set) in MiB, if readable. */
    static Optional<Double> peakRssMib(long pid) {
        return MachineInfo.field(Path.of("/proc", Long.toString(pid), "status"), "VmHWM")
                .map(kib -> Long.parseLong(kib.replaceAll("\\D", "")) / 1024.0);
    }

    /** Resets the peak to the current resident set (Linux 4.0+: {@code echo 5 > clear_refs}); false if refused. */
    static boolean resetPeak(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
