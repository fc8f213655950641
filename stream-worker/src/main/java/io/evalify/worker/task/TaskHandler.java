package io.evalify.worker.task;

import io.evalify.core.backend.BackendClient;
import io.evalify.core.job.JobNotFoundException;
import io.evalify.core.job.JobSnapshot;
import io.evalify.core.job.JobStore;
import io.evalify.core.job.OutcomeResult;
import io.evalify.core.job.TaskOutcome;
import io.evalify.core.topic.TaskRecords;
import io.evalify.grading.StudentGrader;
import io.evalify.schemas.job.JobStatus;
import io.evalify.schemas.task.TaskEvent;
import io.evalify.worker.failure.FailureClassifier;
import io.evalify.worker.failure.FailurePublisher;
import io.evalify.worker.lane.RecordHandler;
import io.evalify.worker.metrics.WorkerMetrics;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One student's work: check the job, mark it running, fetch the response and the quiz, grade, save, count.
 * Every failure is classified once and either retried later, dead-lettered, or (when our own infrastructure
 * is down) thrown so the consumer retries in place without committing.
 */
class TaskHandler implements RecordHandler {

    private static final Logger log = LoggerFactory.getLogger(TaskHandler.class);

    private final JobStore jobs;
    private final JobCache jobCache;
    private final BackendClient backend;
    private final QuizCatalog catalog;
    private final StudentGrader grader;
    private final FailurePublisher failures;
    private final WorkerMetrics metrics;
    private final Duration taskTimeout;
    private final ExecutorService deadlines = Executors.newVirtualThreadPerTaskExecutor();

    /** A handler over the worker's collaborators. */
    TaskHandler(
            JobStore jobs,
            JobCache jobCache,
            BackendClient backend,
            QuizCatalog catalog,
            StudentGrader grader,
            FailurePublisher failures,
            WorkerMetrics metrics,
            Duration taskTimeout) {
        this.jobs = jobs;
        this.jobCache = jobCache;
        this.backend = backend;
        this.catalog = catalog;
        this.grader = grader;
        this.failures = failures;
        this.metrics = metrics;
        this.taskTimeout = taskTimeout;
    }

    @Override
    public void handle(ConsumerRecord<String, byte[]> record) throws Exception {
        TaskEvent task;
        try {
            task = TaskRecords.parse(record.value());
        } catch (SerializationException e) {
            failures.poison(record, e.getMessage());
            return;
        }
        try (var ignored = MDC.putCloseable("job_id", task.jobId());
                var ignored2 = MDC.putCloseable("student_id", task.studentId())) {
            attempt(task, record);
        }
    }

    private void attempt(TaskEvent task, ConsumerRecord<String, byte[]> record) throws Exception {
        try {
            withDeadline(() -> process(task));
        } catch (InterruptedException e) {
            // The worker is stopping (or crashing): not a failure of the task, which will be redelivered.
            throw e;
        } catch (Exception e) {
            var failure = FailureClassifier.classify(e instanceof ExecutionException ee ? ee.getCause() : e);
            if (failure.kind() == FailureClassifier.Failure.Kind.INFRASTRUCTURE) {
                throw e;
            }
            failures.failed(task, failure, record);
        }
    }

    private void process(TaskEvent task) {
        var job = jobCache.find(task.jobId()).orElseThrow(() -> new JobNotFoundException(task.jobId()));
        if (skipped(job, task)) {
            return;
        }
        if (job.status() == JobStatus.QUEUED) {
            jobs.markRunning(task.jobId());
            jobCache.forget(task.jobId());
        }
        QuizContext quiz;
        try {
            quiz = catalog.get(task);
        } catch (QuizCatalog.QuizNotFoundException e) {
            failJob(task, e.getMessage());
            return;
        }
        grade(task, quiz);
    }

    private void grade(TaskEvent task, QuizContext quiz) {
        var response = backend.response(task.quizId(), task.studentId());
        if (!task.overrideEvaluated() && "EVALUATED_MANUALLY".equals(response.evaluationStatus())) {
            log.info("Leaving the manual grade of {} alone (override_evaluated is false)", task.studentId());
            count(task, TaskOutcome.SUCCEEDED, WorkerMetrics.TaskResult.SKIPPED);
            return;
        }
        var body =
                grader.grade(task.quizId(), task.studentId(), quiz.questions(), quiz.settings(), response.response());
        backend.save(task.quizId(), task.studentId(), body, task.jobId() + ":" + task.studentId());
        count(task, TaskOutcome.SUCCEEDED, WorkerMetrics.TaskResult.SUCCEEDED);
    }

    /** Counts the student in Redis (once, however often delivered) and in the metrics. */
    private void count(TaskEvent task, TaskOutcome outcome, WorkerMetrics.TaskResult result) {
        var recorded = jobs.recordOutcome(task.jobId(), task.studentId(), outcome, null);
        metrics.task(task.lane(), result);
        if (recorded.kind() == OutcomeResult.Kind.COMPLETED) {
            jobs.find(task.jobId()).ifPresent(job -> {
                log.info(
                        "Job {} finished: {} ({} succeeded, {} failed, {} cancelled)",
                        job.jobId(),
                        job.status(),
                        job.succeeded(),
                        job.failed(),
                        job.cancelled());
                metrics.jobFinished(job.status(), Duration.between(job.createdAt(), job.finishedAt()));
            });
        }
    }

    /** Cancelled jobs count their remaining students as cancelled; failed or expired jobs take no more work. */
    private boolean skipped(JobSnapshot job, TaskEvent task) {
        return switch (job.status()) {
            case CANCELLING, CANCELLED -> {
                count(task, TaskOutcome.CANCELLED, WorkerMetrics.TaskResult.CANCELLED);
                yield true;
            }
            case FAILED, EXPIRED -> {
                log.info("Skipping {}: job is {}", task.key(), job.status());
                metrics.task(task.lane(), WorkerMetrics.TaskResult.SKIPPED);
                yield true;
            }
            default -> false;
        };
    }

    private void failJob(TaskEvent task, String reason) {
        try {
            jobs.transition(task.jobId(), JobStatus.FAILED, reason);
            log.error("Job {} failed: {}", task.jobId(), reason);
        } catch (io.evalify.core.job.IllegalJobStateChangeException e) {
            log.debug("Job {} already ended: {}", task.jobId(), e.getMessage());
        }
    }

    /** Runs the work on its own virtual thread, like RQ's job_timeout: past the deadline it is interrupted. */
    private void withDeadline(Runnable work) throws Exception {
        var future = deadlines.submit(work);
        try {
            future.get(taskTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TimeoutException("task exceeded its deadline of " + taskTimeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }
}
