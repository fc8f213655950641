package io.evalify.bench;

import io.evalify.schemas.job.JobStatus;
import java.time.Duration;

/**
 * One job of a scenario, from the POST to its end.
 *
 * @param jobId the job id
 * @param status its last status
 * @param tasks its task count
 * @param elapsed from sending the POST to the job's {@code finished_at}
 * @param post how long the POST took to answer
 * @param firstTask from sending the POST to the job's {@code started_at} (its first task taken up); {@code
 *     elapsed} when the job never started
 */
public record JobRun(String jobId, JobStatus status, long tasks, Duration elapsed, Duration post, Duration firstTask) {

    /** Elapsed seconds. */
    public double seconds() {
        return elapsed.toNanos() / 1e9;
    }

    /** Whether the job ended COMPLETED. */
    public boolean completed() {
        return status == JobStatus.COMPLETED;
    }
}
