package io.evalify.schemas.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * Body of {@code POST /api/v1/jobs/evaluation}. Schema: {@code schemas/job-submission.schema.json}.
 *
 * @param quizId the quiz to grade
 * @param filters optional student and question filters
 * @param config optional job settings
 */
public record JobSubmission(
        @JsonProperty("quiz_id") String quizId,
        @JsonProperty("filters") Filters filters,
        @JsonProperty("config") Config config) {

    /** Compact constructor: absent parts become their empty defaults; the quiz id is lower-cased like the backend's. */
    public JobSubmission {
        quizId = quizId == null ? null : quizId.toLowerCase(Locale.ROOT);
        filters = filters == null ? Filters.NONE : filters;
        config = config == null ? Config.DEFAULT : config;
    }

    /**
     * Which students and questions to grade; {@code null} means all.
     *
     * @param studentIds students to grade, or null for every submitted response
     * @param questionIds questions to grade, or null for every question
     */
    public record Filters(
            @JsonProperty("student_ids") List<String> studentIds,
            @JsonProperty("question_ids") List<String> questionIds) {
        static final Filters NONE = new Filters(null, null);

        /** Compact constructor: student ids lower-cased like the backend's, without the duplicates that makes. */
        public Filters {
            studentIds = studentIds == null
                    ? null
                    : studentIds.stream()
                            .map(id -> id.toLowerCase(Locale.ROOT))
                            .distinct()
                            .toList();
        }
    }

    /**
     * Job settings.
     *
     * @param overrideEvaluated re-grade responses already evaluated (automatically or manually)
     * @param force start even when another job for the same quiz is active
     * @param callbackUrl optional URL that receives the final status
     */
    public record Config(
            @JsonProperty("override_evaluated") boolean overrideEvaluated,
            @JsonProperty("force") boolean force,
            @JsonProperty("callback_url") String callbackUrl) {
        static final Config DEFAULT = new Config(false, false, null);

        /** Reads a partial config: an absent or null flag means false. */
        @com.fasterxml.jackson.annotation.JsonCreator
        static Config of(
                @JsonProperty("override_evaluated") Boolean overrideEvaluated,
                @JsonProperty("force") Boolean force,
                @JsonProperty("callback_url") String callbackUrl) {
            return new Config(Boolean.TRUE.equals(overrideEvaluated), Boolean.TRUE.equals(force), callbackUrl);
        }
    }
}
