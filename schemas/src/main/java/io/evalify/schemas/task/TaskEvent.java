package io.evalify.schemas.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One student of one job: the value of a record on the task topic. Keyed by {@code jobId:studentId}.
 * Schema: {@code schemas/task-event.schema.json}.
 *
 * @param jobId the job this task belongs to
 * @param quizId the quiz
 * @param studentId the student whose response is graded
 * @param questionIds question filter, or null for all questions
 * @param overrideEvaluated re-grade a response already evaluated
 * @param lane which worker lane grades this task
 * @param attempt delivery attempt, 1 for the first
 * @param enqueuedAt when the API (or a requeue) published the task
 * @param firstFailedAt when the first attempt failed, or null while no attempt has failed
 */
public record TaskEvent(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("quiz_id") String quizId,
        @JsonProperty("student_id") String studentId,
        @JsonProperty("question_ids") List<String> questionIds,
        @JsonProperty("override_evaluated") boolean overrideEvaluated,
        @JsonProperty("lane") TaskLane lane,
        @JsonProperty("attempt") int attempt,
        @JsonProperty("enqueued_at") Instant enqueuedAt,
        @JsonProperty("first_failed_at") Instant firstFailedAt) {

    /** The record key: spreads a job's students over every partition while keeping one student on one. */
    public String key() {
        return jobId + ":" + studentId;
    }

    /** The same task as a fresh first attempt, for a requeue or replay by an operator. */
    public TaskEvent requeued(Instant now) {
        return new TaskEvent(jobId, quizId, studentId, questionIds, overrideEvaluated, lane, 1, now, null);
    }

    /** The same task for its next attempt, after a failure at {@code failedAt}. */
    public TaskEvent nextAttempt(Instant failedAt) {
        var first = firstFailedAt == null ? failedAt : firstFailedAt;
        return new TaskEvent(
                jobId, quizId, studentId, questionIds, overrideEvaluated, lane, attempt + 1, enqueuedAt, first);
    }
}
