package io.evalify.core.job;

import io.evalify.schemas.job.JobStatus;
import io.evalify.schemas.job.JobStatusResponse;
import io.evalify.schemas.task.TaskLane;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A job as read from its Redis hash at one moment.
 *
 * @param jobId the id
 * @param quizId the quiz
 * @param status current status
 * @param total number of tasks
 * @param succeeded succeeded tasks
 * @param failed failed tasks
 * @param cancelled cancelled tasks
 * @param createdAt creation time
 * @param startedAt first task start, or null
 * @param finishedAt terminal time, or null
 * @param deadline expiry time, or null
 * @param published whether every task reached the broker
 * @param lane worker lane of the job's tasks
 * @param error failure summary, or null
 * @param callbackUrl completion callback, or null
 * @param callback the completion callback's delivery, or null when the job asked for none
 */
public record JobSnapshot(
        String jobId,
        String quizId,
        JobStatus status,
        long total,
        long succeeded,
        long failed,
        long cancelled,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant deadline,
        boolean published,
        TaskLane lane,
        String error,
        String callbackUrl,
        JobDetails.Callback callback) {

    /** Reads the hash fields written by the Redis scripts. */
    static JobSnapshot fromHash(Map<String, String> h) {
        return new JobSnapshot(
                h.get("job_id"),
                h.get("quiz_id"),
                JobStatus.valueOf(h.get("status")),
                number(h, "total"),
                number(h, "succeeded"),
                number(h, "failed"),
                number(h, "cancelled"),
                instant(h, "created_at"),
                instant(h, "started_at"),
                instant(h, "finished_at"),
                instant(h, "deadline_at"),
                "1".equals(h.get("published")),
                h.containsKey("lane") ? TaskLane.valueOf(h.get("lane")) : TaskLane.OBJECTIVE,
                h.get("error"),
                h.get("callback_url"),
                JobDetails.Callback.fromHash(h));
    }

    /** Tasks accounted for, whatever their outcome. */
    public long processed() {
        return succeeded + failed + cancelled;
    }

    /** The API's view, with a rate and an ETA while the job runs. */
    public JobStatusResponse toResponse(Instant now) {
        var counts = new JobStatusResponse.Counts(total, succeeded, failed, cancelled, processed());
        Double rate = rate(now);
        Double eta = rate == null || rate == 0 ? null : (total - processed()) / rate;
        return new JobStatusResponse(
                jobId,
                quizId,
                status,
                counts,
                percent(),
                createdAt,
                startedAt,
                finishedAt,
                rate,
                eta,
                error,
                callback == null ? null : callback.toResponse());
    }

    private double percent() {
        return total == 0 ? 100.0 : Math.round(processed() * 10000.0 / total) / 100.0;
    }

    private Double rate(Instant now) {
        if (status != JobStatus.RUNNING || startedAt == null) {
            return null;
        }
        double seconds = Math.max(Duration.between(startedAt, now).toMillis(), 1) / 1000.0;
        return Math.round(processed() / seconds * 100.0) / 100.0;
    }

    private static long number(Map<String, String> h, String field) {
        var value = h.get(field);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static Instant instant(Map<String, String> h, String field) {
        var value = h.get(field);
        return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value));
    }
}
