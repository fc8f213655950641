package io.evalify.api.compat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The old evaluator's progress body ({@code EvaluationProgressResponse}, docs/BACKEND-CONTRACT.md) for the latest job
 * of a quiz, with three extra fields old clients ignore. Schema: {@code schemas/compat-progress.schema.json}.
 *
 * @param quizId the quiz
 * @param status the mapped status
 * @param studentsFinished students whose grading ended (succeeded, failed or cancelled), at most the total
 * @param totalStudents students in the job
 * @param createdAt when the job was accepted
 * @param updatedAt when its progress last changed
 * @param jobId the job behind this progress
 * @param studentsSucceeded students graded and saved
 * @param studentsFailed students that failed (see the job's failures)
 */
record CompatProgress(
        @JsonProperty("quiz_id") String quizId,
        @JsonProperty("status") CompatStatus status,
        @JsonProperty("students_finished") long studentsFinished,
        @JsonProperty("total_students") long totalStudents,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("job_id") String jobId,
        @JsonProperty("students_succeeded") long studentsSucceeded,
        @JsonProperty("students_failed") long studentsFailed) {}
