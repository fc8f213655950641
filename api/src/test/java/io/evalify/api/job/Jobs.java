package io.evalify.api.job;

import io.evalify.core.job.JobDetails;
import io.evalify.core.job.JobSnapshot;
import io.evalify.schemas.job.CallbackStatus;
import io.evalify.schemas.job.JobStatus;
import io.evalify.schemas.task.TaskLane;
import java.time.Instant;

/** Test builder of job snapshots: {@code aJob("j1").running().withCounts(10, 4, 1).build()}. */
public final class Jobs {

    /** A fixed creation time, so answers can be compared exactly. */
    public static final Instant CREATED = Instant.parse("2026-04-04T09:00:00Z");

    private final String jobId;
    private String quizId = "quiz-1";
    private JobStatus status = JobStatus.QUEUED;
    private long total = 10;
    private long succeeded;
    private long failed;
    private long cancelled;
    private String error;
    private String callbackUrl;

    private Jobs(String jobId) {
        this.jobId = jobId;
    }

    /** A queued job of 10 students of quiz-1. */
    public static Jobs aJob(String jobId) {
        return new Jobs(jobId);
    }

    /** For quiz {@code id}. */
    public Jobs ofQuiz(String id) {
        quizId = id;
        return this;
    }

    /** In {@code value}. */
    public Jobs in(JobStatus value) {
        status = value;
        return this;
    }

    /** With these counts. */
    public Jobs withCounts(long totalCount, long succeededCount, long failedCount) {
        total = totalCount;
        succeeded = succeededCount;
        failed = failedCount;
        return this;
    }

    /** With {@code count} cancelled students. */
    public Jobs withCancelled(long count) {
        cancelled = count;
        return this;
    }

    /** With a job-level error. */
    public Jobs withError(String value) {
        error = value;
        return this;
    }

    /** With a completion callback. */
    public Jobs withCallback(String url) {
        callbackUrl = url;
        return this;
    }

    /** The snapshot. */
    public JobSnapshot build() {
        boolean started = status != JobStatus.QUEUED;
        return new JobSnapshot(
                jobId,
                quizId,
                status,
                total,
                succeeded,
                failed,
                cancelled,
                CREATED,
                started ? CREATED.plusSeconds(1) : null,
                status.isTerminal() ? CREATED.plusSeconds(30) : null,
                CREATED.plusSeconds(86_400),
                true,
                TaskLane.OBJECTIVE,
                error,
                callbackUrl,
                callbackUrl == null
                        ? null
                        : new JobDetails.Callback(callbackUrl, CallbackStatus.PENDING, 0, null, null, null));
    }
}
