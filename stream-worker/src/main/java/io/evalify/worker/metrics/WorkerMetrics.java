package io.evalify.worker.metrics;

import io.evalify.core.backend.CallObserver;
import io.evalify.schemas.job.JobStatus;
import io.evalify.schemas.task.TaskLane;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * The worker's Prometheus metrics: tasks by outcome and lane, backend and LLM latency histograms, job
 * durations. In-flight gauges and consumer lag are registered by the lanes themselves.
 */
public class WorkerMetrics implements CallObserver {

    /** How a task attempt ended. */
    public enum TaskResult {
        SUCCEEDED,
        RETRIED,
        DEAD_LETTERED,
        CANCELLED,
        SKIPPED
    }

    private final MeterRegistry registry;

    /** Metrics in {@code registry}. */
    public WorkerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The registry, for components that register their own gauges. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Counts one task attempt's result. */
    public void task(TaskLane lane, TaskResult result) {
        Counter.builder("evalify.worker.tasks")
                .description("Task attempts by result")
                .tag("lane", lane == null ? "unknown" : lane.name().toLowerCase(Locale.ROOT))
                .tag("result", result.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    /** Records a finished job's duration, from creation to its terminal status. */
    public void jobFinished(JobStatus status, Duration duration) {
        Timer.builder("evalify.job.duration")
                .description("Time from job creation to its terminal status")
                .tag("status", status.name())
                .publishPercentileHistogram()
                .register(registry)
                .record(duration);
    }

    /** Records one LLM call. */
    public void llmCall(String outcome, Duration elapsed) {
        Timer.builder("evalify.llm.requests")
                .description("LLM chat-completion calls")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(elapsed);
    }

    @Override
    public void observe(String route, int status, Duration elapsed) {
        Timer.builder("evalify.backend.requests")
                .description("Calls to the Evalify backend")
                .tag("route", route)
                .tag("status", status == 0 ? "none" : String.valueOf(status))
                .publishPercentileHistogram()
                .register(registry)
                .record(elapsed);
    }
}
