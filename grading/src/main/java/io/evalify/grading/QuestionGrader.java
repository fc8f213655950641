package io.evalify.grading;

/** Grades one question type for one student. */
@FunctionalInterface
public interface QuestionGrader {

    /**
     * Grades one answer.
     *
     * @throws GradingException when the question, answer or settings are malformed (that question ERRORs)
     * @throws RemoteCallException when a remote dependency fails so the whole task should be retried
     */
    Grade grade(GradingInput input);
}
