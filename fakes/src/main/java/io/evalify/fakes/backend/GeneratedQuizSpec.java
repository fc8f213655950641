package io.evalify.fakes.backend;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@link QuizGenerator} should build: {@code students} × {@code questions}, types taken in turn
 * from {@code types}, everything derived from {@code seed}.
 *
 * @param quizId the quiz id to serve
 * @param students number of students (rows)
 * @param questions number of questions
 * @param seed drives every random choice; the same spec always yields the same quiz
 * @param types question types used round-robin (see {@link #SUPPORTED_TYPES})
 * @param notSubmitted how many of the students (the last ones) are NOT_SUBMITTED with {@code response: null}
 * @param allAnswersGraded every submitted student answers every question and none copies the model answer, so
 *     each descriptive answer takes an LLM call (half partial, half wrong); otherwise a realistic mix with blank
 *     and model answers, which a grader scores without one
 */
public record GeneratedQuizSpec(
        String quizId,
        int students,
        int questions,
        long seed,
        List<String> types,
        int notSubmitted,
        boolean allAnswersGraded) {

    /** Types the generator can build. */
    public static final Set<String> SUPPORTED_TYPES =
            Set.of("MCQ", "MMCQ", "TRUE_FALSE", "FILL_THE_BLANK", "MATCHING", "DESCRIPTIVE", "CODING");

    /** Validates and normalises the types to upper case. */
    public GeneratedQuizSpec {
        if (quizId == null || quizId.isBlank()) {
            throw new IllegalArgumentException("quizId is required");
        }
        if (students < 0 || questions < 0 || notSubmitted < 0 || notSubmitted > students) {
            throw new IllegalArgumentException("need 0 <= notSubmitted <= students and questions >= 0");
        }
        types = types.stream().map(t -> t.trim().toUpperCase(Locale.ROOT)).toList();
        if (types.isEmpty() || !SUPPORTED_TYPES.containsAll(types)) {
            throw new IllegalArgumentException("types must be a non-empty subset of " + SUPPORTED_TYPES + ": " + types);
        }
    }

    /** A builder defaulting to 10 students, 5 questions, seed 42, MCQ/MMCQ/TRUE_FALSE/DESCRIPTIVE, all submitted. */
    public static Builder builder(String quizId) {
        return new Builder(quizId);
    }

    /** Fluent construction of a {@link GeneratedQuizSpec}. */
    public static final class Builder {
        private final String quizId;
        private int students = 10;
        private int questions = 5;
        private long seed = 42;
        private List<String> types = List.of("MCQ", "MMCQ", "TRUE_FALSE", "DESCRIPTIVE");
        private int notSubmitted;
        private boolean allAnswersGraded;

        private Builder(String quizId) {
            this.quizId = quizId;
        }

        /** Number of students. */
        public Builder students(int count) {
            this.students = count;
            return this;
        }

        /** Number of questions. */
        public Builder questions(int count) {
            this.questions = count;
            return this;
        }

        /** The seed. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Question types, used in turn. */
        public Builder types(String... names) {
            this.types = List.of(names);
            return this;
        }

        /** Question types, used in turn. */
        public Builder types(List<String> names) {
            this.types = List.copyOf(names);
            return this;
        }

        /** How many students (the last ones) did not submit. */
        public Builder notSubmitted(int count) {
            this.notSubmitted = count;
            return this;
        }

        /** Every answer present and none a copy of the model answer (see {@link GeneratedQuizSpec}). */
        public Builder allAnswersGraded(boolean value) {
            this.allAnswersGraded = value;
            return this;
        }

        /** The spec. */
        public GeneratedQuizSpec build() {
            return new GeneratedQuizSpec(quizId, students, questions, seed, types, notSubmitted, allAnswersGraded);
        }
    }
}
