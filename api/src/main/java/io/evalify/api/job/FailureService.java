package io.evalify.api.job;

import io.evalify.api.config.ApiProperties;
import io.evalify.api.web.ApiProblem;
import io.evalify.core.job.FailureRecord;
import io.evalify.core.job.JobStore;
import io.evalify.core.job.TaskOutcome;
import io.evalify.schemas.task.TaskEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A job's failed registry: lists why students failed, and re-opens them (RQ's requeue). A requeue is undone if
 * its tasks cannot be published: each student is recorded as failed again with its original failure, so the job
 * returns to where it was and the request can simply be repeated.
 */
@Service
public class FailureService {

    private static final Logger log = LoggerFactory.getLogger(FailureService.class);

    private final JobStore jobs;
    private final TaskPublisher publisher;
    private final ApiProperties properties;
    private final Clock clock;

    FailureService(JobStore jobs, TaskPublisher publisher, ApiProperties properties, Clock clock) {
        this.jobs = jobs;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    /** One page of the job's failed students, ordered by student id. */
    public FailurePage failures(String jobId, int page, int size) {
        jobs.find(jobId).orElseThrow(() -> ApiProblem.jobNotFound(jobId));
        var entries = new ArrayList<>(jobs.failures(jobId).entrySet());
        entries.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        var shown = entries.stream().skip((long) page * size).limit(size).toList();
        var outcomes =
                jobs.outcomesOf(jobId, shown.stream().map(Map.Entry::getKey).toList());
        var views = shown.stream()
                .map(e -> view(e.getKey(), outcomes.get(e.getKey()), e.getValue()))
                .toList();
        return new FailurePage(jobId, entries.size(), page, size, views);
    }

    /**
     * Re-opens every failed student and publishes its task again as a first attempt.
     *
     * @return how many tasks were published
     * @throws ApiProblem 503 when the broker did not take them (the students are failed again)
     */
    public int retryFailed(String jobId) {
        return requeue(jobId, null);
    }

    /**
     * Re-opens one failed student and publishes its task again as a first attempt.
     *
     * @throws ApiProblem 404 when the job does not exist or the student has not failed, 503 when the broker did
     *     not take the task (the student is failed again)
     */
    public void retryStudent(String jobId, String studentId) {
        jobs.find(jobId).orElseThrow(() -> ApiProblem.jobNotFound(jobId));
        if (requeue(jobId, studentId) == 0) {
            throw ApiProblem.studentNotFailed(jobId, studentId);
        }
    }

    /** Groups the job's failed students by error type, most frequent first. */
    public List<FailureGroup> groups(String jobId) {
        var byType = new java.util.TreeMap<String, FailureGroup>();
        for (var json : jobs.failures(jobId).values()) {
            var failure = read(json).map(FailureRecord::failure).orElse(null);
            var group = failure == null
                    ? new FailureGroup(FailureView.UNREADABLE, 1, null, null)
                    : new FailureGroup(failure.type(), 1, failure.firstFailureAt(), failure.lastFailureAt());
            byType.merge(group.type(), group, FailureGroup::plus);
        }
        return byType.values().stream()
                .sorted(Comparator.comparingInt(FailureGroup::students).reversed())
                .toList();
    }

    private int requeue(String jobId, String studentId) {
        var records = new ArrayList<FailureRecord>();
        for (var json : jobs.requeueFailed(jobId, studentId)) {
            read(json).ifPresentOrElse(records::add, () -> undoUnreadable(jobId, json));
        }
        var now = clock.instant();
        var tasks = records.stream().map(r -> r.task().requeued(now)).toList();
        publish(jobId, tasks, records);
        if (!tasks.isEmpty()) {
            jobs.rearmCallback(jobId);
        }
        return tasks.size();
    }

    private void publish(String jobId, List<TaskEvent> tasks, List<FailureRecord> records) {
        if (tasks.isEmpty()) {
            return;
        }
        try {
            publisher.publishAll(tasks, properties.publishTimeout());
            log.info("Job {}: {} failed students requeued", jobId, tasks.size());
        } catch (TaskPublisher.PublishException e) {
            log.error("Requeue of job {} could not publish; its students are failed again", jobId, e);
            records.forEach(r -> jobs.recordOutcome(jobId, r.task().studentId(), TaskOutcome.FAILED, r.toJson()));
            throw ApiProblem.brokerUnavailable(
                    "Could not requeue the failed students",
                    "Kafka did not accept the tasks (" + e.getMessage()
                            + "); the students are still failed, so the request can be repeated.",
                    Map.of("job_id", jobId));
        }
    }

    /** An entry without a readable task cannot be published: it is recorded as failed again, unchanged. */
    private void undoUnreadable(String jobId, String json) {
        log.warn("Job {} has a failure entry that cannot be read; it stays failed", jobId);
        jobs.failures(jobId).entrySet().stream()
                .filter(e -> e.getValue().equals(json))
                .forEach(e -> jobs.recordOutcome(jobId, e.getKey(), TaskOutcome.FAILED, json));
    }

    private static FailureView view(String student, TaskOutcome outcome, String json) {
        var state = outcome == TaskOutcome.FAILED ? FailureView.FAILED : FailureView.RETRYING;
        return read(json)
                .map(r -> FailureView.of(student, state, r))
                .orElseGet(() -> FailureView.unreadable(student, state));
    }

    private static Optional<FailureRecord> read(String json) {
        try {
            var record = FailureRecord.fromJson(json);
            return record.task() == null ? Optional.empty() : Optional.of(record);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
