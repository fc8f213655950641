package io.evalify.cli.bench;

import io.evalify.cli.local.ChildProcess;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * CPU time used by each process of the stack, sampled before and after a scenario: on a 2-core machine where
 * the fakes, the broker, Redis, the API and the worker share the cores, this says who used them.
 *
 * @param byProcess CPU time (user + system) per process name, in start order
 * @param machine the whole machine's CPU time, where it can be read
 */
record CpuUsage(Map<String, Duration> byProcess, Optional<MachineCpu> machine) {

    /** The stack's processes only. */
    CpuUsage(Map<String, Duration> byProcess) {
        this(byProcess, Optional.empty());
    }

    /** The CPU time each of {@code children} has used so far. */
    static CpuUsage sample(List<ChildProcess> children) {
        Map<String, Duration> used = new LinkedHashMap<>();
        children.forEach(c -> ProcessHandle.of(c.pid())
                .flatMap(p -> p.info().totalCpuDuration())
                .ifPresent(cpu -> used.put(c.name(), cpu)));
        return new CpuUsage(used, MachineCpu.read());
    }

    /**
     * E.g. {@code CPU seconds: worker 31.2, fakes 12.0, api 1.1; outside the stack 2.5, stolen 0.0 (of 50.0
     * available on 2 cores in 25.0 s)}; "outside the stack" is this bench's own load generation and any other
     * process, "stolen" what the hypervisor gave to other guests.
     */
    String since(CpuUsage before, Duration wall, int cpus) {
        Map<String, Duration> used = new LinkedHashMap<>();
        byProcess.forEach((name, cpu) -> used.put(name, cpu.minus(before.byProcess.getOrDefault(name, Duration.ZERO))));
        String parts = used.entrySet().stream()
                .sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), seconds(e.getValue())))
                .collect(Collectors.joining(", "));
        Duration stack = used.values().stream().reduce(Duration.ZERO, Duration::plus);
        return String.format(
                Locale.ROOT,
                "CPU seconds: %s%s (of %.1f available on %d cores in %.1f s)",
                parts,
                outside(before, stack),
                seconds(wall) * cpus,
                cpus,
                seconds(wall));
    }

    private String outside(CpuUsage before, Duration stack) {
        if (machine.isEmpty() || before.machine.isEmpty()) {
            return "";
        }
        Duration busy = machine.get().busy().minus(before.machine.get().busy());
        Duration stolen = machine.get().steal().minus(before.machine.get().steal());
        Duration outside = busy.minus(stack).isNegative() ? Duration.ZERO : busy.minus(stack);
        return String.format(Locale.ROOT, "; outside the stack %.1f, stolen %.1f", seconds(outside), seconds(stolen));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
