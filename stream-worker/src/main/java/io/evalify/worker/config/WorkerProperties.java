package io.evalify.worker.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The worker's settings ({@code evalify.worker.*}).
 *
 * @param lanes concurrency of each lane's call stage
 * @param commitInterval how often a lane commits the offsets of finished tasks
 * @param drainTimeout how long a rebalance or shutdown waits for in-flight tasks
 * @param pollTimeout longest wait of one poll
 * @param taskTimeout longest time one task may take before it counts as a retryable failure (RQ's job_timeout)
 * @param retry the retry policy
 * @param quizCacheTtl how long a job's questions and settings stay cached after last use
 * @param retryTick how often the retry scheduler looks for due retries
 * @param groupPrefix prefix of the lanes' consumer group ids ({@code <prefix>-objective}, ...)
 * @param objectivePriority while the objective lane has tasks in flight, the LLM and coding lanes start no new
 *     ones (running calls go on): short objective jobs are not slowed by long LLM batches sharing the CPU
 * @param jobCacheTtl how long a lane trusts a job's status before reading it again (a cancel takes this long
 *     to reach running lanes)
 * @param routerRecovery how often the router replaces a stream thread that died before it gives up
 * @param laneRecovery how a lane rides out a broker or Redis outage
 */
@ConfigurationProperties("evalify.worker")
public record WorkerProperties(
        @DefaultValue Lanes lanes,
        @DefaultValue("1s") Duration commitInterval,
        @DefaultValue("25s") Duration drainTimeout,
        @DefaultValue("50ms") Duration pollTimeout,
        @DefaultValue("180s") Duration taskTimeout,
        @DefaultValue Retry retry,
        @DefaultValue("10m") Duration quizCacheTtl,
        @DefaultValue("500ms") Duration retryTick,
        @DefaultValue("evalify-worker") String groupPrefix,
        @DefaultValue("500ms") Duration jobCacheTtl,
        @DefaultValue("true") boolean objectivePriority,
        @DefaultValue RouterRecovery routerRecovery,
        @DefaultValue LaneRecovery laneRecovery) {

    /**
     * In-flight tasks per lane; each lane is a separate consumer group, like RQ's separate queues.
     *
     * @param objective students whose questions are all rule-graded
     * @param llm students with LLM-graded questions
     * @param coding students with coding questions
     */
    public record Lanes(
            @DefaultValue("64") int objective,
            @DefaultValue("256") int llm,
            @DefaultValue("32") int coding) {}

    /**
     * Retries with backoff, like RQ's {@code Retry(max=3, interval=[10, 30, 60])}.
     *
     * @param intervals delay before each retry; their count is the number of retries
     * @param jitter fraction of random spread added to each delay, so retries of a burst do not align
     */
    public record Retry(
            @DefaultValue({"10s", "30s", "60s"}) List<Duration> intervals,
            @DefaultValue("0.2") double jitter) {}

    /**
     * Replacing the router's stream threads after an unhandled exception ({@code RouterThreadPolicy}).
     *
     * @param maxThreadReplacements threads replaced within {@code window}; one more failure shuts the router
     *     down and marks the worker broken, for the orchestrator to restart it
     * @param window how far back replacements count
     */
    public record RouterRecovery(
            @DefaultValue("5") int maxThreadReplacements,
            @DefaultValue("10m") Duration window) {}

    /**
     * How a lane rides out a broker or Redis outage: it never stops, it waits and tries again.
     *
     * @param initialBackoff first wait after a failed Kafka call or a task whose effects could not be made durable;
     *     it doubles with each failure in a row
     * @param maxBackoff longest wait between two tries
     * @param kafkaTimeout longest a lane's commit or broker probe waits for an answer before the lane counts as
     *     recovering (the client's own {@code default.api.timeout.ms} is a minute)
     * @param probeInterval how long a lane may go without hearing from the broker before it asks the group
     *     coordinator, so an idle lane notices an outage too
     * @param recreateAfter how long a lane may fail in a row before it closes its Kafka consumer and opens a new
     *     one (an error the consumer cannot go on from replaces it at once)
     * @param livenessLimit how long a lane may stay recovering or dead before the worker's liveness says DOWN,
     *     for the orchestrator to restart it
     */
    public record LaneRecovery(
            @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("10s") Duration kafkaTimeout,
            @DefaultValue("5s") Duration probeInterval,
            @DefaultValue("2m") Duration recreateAfter,
            @DefaultValue("10m") Duration livenessLimit) {}
}
