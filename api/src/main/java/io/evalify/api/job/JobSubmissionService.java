package io.evalify.api.job;

import io.evalify.api.callback.CallbackPolicy;
import io.evalify.api.config.ApiProperties;
import io.evalify.api.web.ApiProblem;
import io.evalify.core.backend.BackendClient;
import io.evalify.core.backend.BackendException;
import io.evalify.core.backend.QuestionFilter;
import io.evalify.core.job.CreateResult;
import io.evalify.core.job.IdempotencyRecord;
import io.evalify.core.job.IllegalJobStateChangeException;
import io.evalify.core.job.JobStore;
import io.evalify.core.job.NewJob;
import io.evalify.schemas.job.JobAccepted;
import io.evalify.schemas.job.JobStatus;
import io.evalify.schemas.job.JobSubmission;
import io.evalify.schemas.task.TaskEvent;
import io.evalify.schemas.task.TaskLane;
import java.time.Clock;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Creates a job: resolve the students with the backend, write the job to Redis as QUEUED, publish one task per
 * student, then mark the job published. If publishing fails the job is failed at once with the reason and the
 * caller gets a 503 within {@code evalify.api.publish-timeout}; if the API dies mid-publish, {@link JobSweeper}
 * fails it when its publish lease runs out. So no job stays QUEUED forever, and a job that is QUEUED already exists
 * when a worker sees its first task.
 */
@Service
public class JobSubmissionService {

    private static final Logger log = LoggerFactory.getLogger(JobSubmissionService.class);

    private final BackendClient backend;
    private final JobStore jobs;
    private final TaskPublisher publisher;
    private final ApiProperties properties;
    private final CallbackPolicy callbacks;
    private final Clock clock;

    JobSubmissionService(
            BackendClient backend,
            JobStore jobs,
            TaskPublisher publisher,
            ApiProperties properties,
            CallbackPolicy callbacks,
            Clock clock) {
        this.backend = backend;
        this.jobs = jobs;
        this.publisher = publisher;
        this.properties = properties;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /**
     * Submits a validated request; {@code idempotencyKey} and {@code bodyHash} may be null.
     *
     * @throws ApiProblem 409 {@code quiz-busy} or {@code idempotency-key-reused}, 422 for an unknown quiz, too
     *     many students or a callback host not allowed, 502 when the backend fails, 503 when the broker does not
     *     take the tasks
     */
    public JobAccepted submit(JobSubmission request, String idempotencyKey, String bodyHash) {
        long started = System.nanoTime();
        var job = plan(request);
        long planned = System.nanoTime();
        var idempotency = new IdempotencyRecord(job.jobId(), bodyHash);
        var created =
                jobs.create(job, idempotency, idempotencyKey, request.config().force());
        return switch (created) {
            case CreateResult.Created c -> publish(job, new Timings(started, planned, System.nanoTime()));
            case CreateResult.Duplicate d -> repeat(d.stored(), bodyHash);
            case CreateResult.Conflict c -> throw activeJobConflict(request.quizId(), c.activeJobId());
        };
    }

    private NewJob plan(JobSubmission request) {
        var quizId = request.quizId();
        var callbackUrl = request.config().callbackUrl();
        if (callbackUrl != null && !callbacks.allows(callbackUrl)) {
            throw ApiProblem.unprocessable(
                    "callback-not-allowed",
                    "Callback URL not allowed",
                    "The host and port of callback_url are not in the service's evalify.api.callback.allowed-hosts");
        }
        var students = call(() -> backend.responseStatuses(
                quizId,
                StudentResolver.collector(
                        request.filters().studentIds(),
                        request.config().overrideEvaluated(),
                        properties.maxStudentsPerJob())));
        var questions = QuestionFilter.select(
                call(() -> backend.questions(quizId)), request.filters().questionIds());
        if (questions.isEmpty() && !call(() -> backend.quizExists(quizId))) {
            throw ApiProblem.unprocessable("quiz-not-found", "Quiz not found", "The backend has no quiz " + quizId);
        }
        return new NewJob(
                UUID.randomUUID().toString(),
                quizId,
                students,
                QuestionFilter.forTasks(questions, request.filters().questionIds()),
                request.config().overrideEvaluated(),
                TaskLane.of(questions),
                clock.instant().plus(properties.jobDeadline()),
                request.config().callbackUrl());
    }

    private JobAccepted publish(NewJob job, Timings timings) {
        if (job.total() > 0) {
            try {
                publisher.publishAll(tasks(job), properties.publishTimeout());
            } catch (TaskPublisher.PublishException e) {
                throw failUnpublished(job, e);
            }
            markPublished(job);
        }
        log.info(
                "Job {} for quiz {} queued with {} tasks on lane {} in {} ms (backend {} ms, store {} ms, publish {} ms)",
                job.jobId(),
                job.quizId(),
                job.total(),
                job.lane(),
                Timings.millis(timings.started(), System.nanoTime()),
                Timings.millis(timings.started(), timings.planned()),
                Timings.millis(timings.planned(), timings.stored()),
                Timings.millis(timings.stored(), System.nanoTime()));
        var status = job.total() == 0 ? JobStatus.COMPLETED : JobStatus.QUEUED;
        return new JobAccepted(job.jobId(), status, JobController.statusUrl(job.jobId()));
    }

    /**
     * Ends a job whose tasks the broker did not take: FAILED with the reason, which also frees the quiz. If Redis is
     * down too, the caller gets a 503 for Redis and {@link JobSweeper} fails the job when its publish lease runs out.
     */
    private ApiProblem failUnpublished(NewJob job, TaskPublisher.PublishException e) {
        var reason = "Could not publish tasks: " + e.getMessage();
        log.error("Publishing the tasks of job {} failed; failing the job", job.jobId(), e);
        try {
            jobs.transition(job.jobId(), JobStatus.FAILED, reason);
        } catch (IllegalJobStateChangeException changed) {
            log.warn("Job {} changed while publishing, left as it is: {}", job.jobId(), changed.getMessage());
        }
        return ApiProblem.brokerUnavailable(
                "Could not queue the job",
                "Kafka did not accept the tasks (" + e.getMessage() + "); job " + job.jobId() + " is FAILED.",
                Map.of("job_id", job.jobId()));
    }

    /**
     * Every task is on the broker, so the job runs whether or not this flag is written: if Redis failed just now the
     * answer is still 202, and the first worker to take a task moves the job to RUNNING, out of the sweeper's
     * publish lease.
     */
    private void markPublished(NewJob job) {
        try {
            jobs.markPublished(job.jobId());
        } catch (DataAccessException e) {
            log.warn(
                    "Job {}: tasks published, but Redis did not take the published flag: {}",
                    job.jobId(),
                    e.getMessage());
        }
    }

    /**
     * The job's tasks as a view over its student ids: each task is built when the publisher reaches it and dropped
     * once the producer has serialized it, so a 100,000-student job never holds 100,000 task objects.
     */
    private List<TaskEvent> tasks(NewJob job) {
        var now = clock.instant();
        var students = job.studentIds();
        return new AbstractList<>() {
            @Override
            public TaskEvent get(int index) {
                return new TaskEvent(
                        job.jobId(),
                        job.quizId(),
                        students.get(index),
                        job.questionIds(),
                        job.overrideEvaluated(),
                        job.lane(),
                        1,
                        now,
                        null);
            }

            @Override
            public int size() {
                return students.size();
            }
        };
    }

    private JobAccepted repeat(IdempotencyRecord stored, String bodyHash) {
        if (!stored.bodyHash().equals(bodyHash)) {
            throw ApiProblem.conflict(
                    "idempotency-key-reused",
                    "Idempotency key reused",
                    "This Idempotency-Key was used with a different body",
                    Map.of("job_id", stored.jobId()));
        }
        var status = jobs.find(stored.jobId()).map(j -> j.status()).orElse(JobStatus.QUEUED);
        return new JobAccepted(stored.jobId(), status, JobController.statusUrl(stored.jobId()));
    }

    /** When each step of a submission ended, from {@link System#nanoTime()}: slow POSTs say where they went. */
    private record Timings(long started, long planned, long stored) {
        static long millis(long from, long to) {
            return (to - from) / 1_000_000;
        }
    }

    private static ApiProblem activeJobConflict(String quizId, String activeJobId) {
        return ApiProblem.conflict(
                "quiz-busy",
                "Quiz already being evaluated",
                "Job " + activeJobId + " is still evaluating quiz " + quizId + "; set config.force to start another",
                Map.of("active_job_id", activeJobId, "active_job_url", JobController.statusUrl(activeJobId)));
    }

    private static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (BackendException e) {
            if (e.status() == 404) {
                // The backend does not know the quiz (or an id that cannot be routed): the caller's mistake.
                throw ApiProblem.unprocessable("quiz-not-found", "Quiz not found", "The backend has no such quiz");
            }
            // The backend's own words stay in our log: they can name its internals, and callers get a stable type.
            log.warn("Evalify backend failed on {} with status {}: {}", e.route(), e.status(), e.getMessage());
            throw ApiProblem.dependencyFailed(
                    HttpStatus.BAD_GATEWAY,
                    "backend-unavailable",
                    "Evalify backend failed",
                    "The Evalify backend did not answer as expected; nothing was created. The service log has the"
                            + " cause under this problem's correlation_id.");
        }
    }
}
