package io.evalify.bench;

import io.evalify.localstack.ChildProcess;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time used by each process of the stack, sampled before and after a scenario: on a 2-core machine where
 * the fakes, the broker, Redis, the API and the worker share the cores, this says who used them.
 *
 * @param byProcess CPU time (user + system) per process name, in start order
 * @param benchClient CPU time of this process, the bench's own client (S5's load generator uses a third of a core)
 */
record CpuUsage(Map<String, Duration> byProcess, Duration benchClient) {

    /** The stack's processes only. */
    CpuUsage(Map<String, Duration> byProcess) {
        this(byProcess, Duration.ZERO);
    }

    /** The CPU time each of {@code children} has used so far. */
    static CpuUsage sample(List<ChildProcess> children) {
        Map<String, Duration> used = new LinkedHashMap<>();
        children.forEach(c -> ProcessHandle.of(c.pid())
                .flatMap(p -> p.info().totalCpuDuration())
                .ifPresent(cpu -> used.put(c.name(), cpu)));
        Duration client = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        return new CpuUsage(used, client);
    }

    /**
     * E.g. {@code CPU seconds: worker 31.2, fakes 12.0, api 1.1; bench client 2.5 (of 50.0 available on 2 cores in
     * 25.0 s)}. Per-process times, not the machine's {@code /proc/stat}: on our VMs that is sampled at the tick
     * and missed two thirds of S5's short bursts.
     */
    String since(CpuUsage before, Duration wall, int cpus) {
        String parts = byProcess.entrySet().stream()
                .map(e -> Map.entry(
                        e.getKey(), e.getValue().minus(before.byProcess.getOrDefault(e.getKey(), Duration.ZERO))))
                .sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), seconds(e.getValue())))
                .collect(Collectors.joining(", "));
        return String.format(
                Locale.ROOT,
                "CPU seconds: %s; bench client %.1f (of %.1f available on %d cores in %.1f s)",
                parts,
                seconds(benchClient.minus(before.benchClient)),
                seconds(wall) * cpus,
                cpus,
                seconds(wall));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
