package io.evalify.core.job;

import io.evalify.schemas.task.TaskLane;
import java.time.Instant;
import java.util.List;

/**
 * What the API knows about a job before it exists: written to Redis by {@link JobStore#create}.
 *
 * @param jobId the new id
 * @param quizId the quiz
 * @param studentIds the students to grade, already resolved and filtered
 * @param questionIds the question filter, or null for all
 * @param overrideEvaluated re-grade already evaluated responses
 * @param lane the worker lane of every task of this job
 * @param deadline when the job expires if not finished
 * @param callbackUrl optional completion callback
 */
public record NewJob(
        String jobId,
        String quizId,
        List<String> studentIds,
        List<String> questionIds,
        boolean overrideEvaluated,
        TaskLane lane,
        Instant deadline,
        String callbackUrl) {

    /** Number of tasks: one per student. */
    public int total() {
        return studentIds.size();
    }
}
