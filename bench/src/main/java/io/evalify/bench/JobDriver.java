package io.evalify.bench;

import io.evalify.cli.api.ApiClient;
import io.evalify.schemas.job.JobAccepted;
import io.evalify.schemas.job.JobStatusResponse;
import io.evalify.schemas.job.JobSubmission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Submits bench jobs and follows them to their end. Every job re-grades all students
 * ({@code override_evaluated}) and may run beside another job of its quiz ({@code force}), so scenarios can
 * repeat a quiz. The end time is the job's own {@code finished_at}, not the moment a poll noticed it.
 */
final class JobDriver {

    private static final Duration POLL = Duration.ofMillis(100);

    private final ApiClient client;
    private final Runnable healthCheck;
    private final Duration jobTimeout;
    private final Clock clock = Clock.systemUTC();

    /** A driver over {@code client}; {@code healthCheck} throws when a stack process died. */
    JobDriver(ApiClient client, Runnable healthCheck, Duration jobTimeout) {
        this.client = client;
        this.healthCheck = healthCheck;
        this.jobTimeout = jobTimeout;
    }

    /** A submitted job, the instant its POST was sent and how long the POST took. */
    record Submitted(String jobId, Instant sentAt, Duration postLatency) {}

    /** Sends the POST for {@code quizId}. */
    Submitted submit(String quizId) {
        Instant sentAt = clock.instant();
        long start = System.nanoTime();
        JobAccepted accepted = client.submit(submission(quizId));
        return new Submitted(accepted.jobId(), sentAt, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Submits a job and waits for its end. */
    JobRun run(String quizId) {
        return await(submit(quizId));
    }

    /** Waits until {@code job} ends (or the job timeout passes: then the run ends with the job's last status). */
    JobRun await(Submitted job) {
        Instant deadline = clock.instant().plus(jobTimeout);
        JobStatusResponse status = client.status(job.jobId());
        while (!status.status().isTerminal() && clock.instant().isBefore(deadline)) {
            healthCheck.run();
            LockSupport.parkNanos(POLL.toNanos());
            status = client.status(job.jobId());
        }
        Instant end = status.finishedAt() != null ? status.finishedAt() : clock.instant();
        Instant started = status.startedAt() != null ? status.startedAt() : end;
        return new JobRun(
                job.jobId(),
                status.status(),
                status.counts().total(),
                Duration.between(job.sentAt(), end),
                job.postLatency(),
                Duration.between(job.sentAt(), started));
    }

    /** Waits until {@code job} has started grading (some task processed), or ended. */
    void awaitProgress(Submitted job) {
        Instant deadline = clock.instant().plus(jobTimeout);
        JobStatusResponse status = client.status(job.jobId());
        while (status.counts().processed() == 0
                && !status.status().isTerminal()
                && clock.instant().isBefore(deadline)) {
            healthCheck.run();
            LockSupport.parkNanos(POLL.toNanos());
            status = client.status(job.jobId());
        }
    }

    /** Asks the API to cancel {@code jobId}. */
    void cancel(String jobId) {
        client.cancel(jobId);
    }

    private static JobSubmission submission(String quizId) {
        return new JobSubmission(quizId, null, new JobSubmission.Config(true, true, null));
    }
}
