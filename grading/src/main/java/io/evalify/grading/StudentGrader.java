package io.evalify.grading;

import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.QuestionData;
import io.evalify.schemas.backend.QuestionType;
import io.evalify.schemas.backend.QuizSettings;
import io.evalify.schemas.result.QuestionOutcome;
import io.evalify.schemas.result.SaveBody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Grades one student's submission, question by question, into the backend's save body. One bad question
 * never fails more than itself: malformed data or answers, a grader bug and even a stack overflow become that
 * question's ERROR with a reason, and an answer over {@link AnswerLimit#MAX_CHARS} is left for a person. Only
 * remote failures ({@link RemoteCallException}) and an interrupt ({@link GradingInterruptedException}, the
 * task's time-out) escape, so the worker can retry the whole task and never saves a half-graded student.
 * Thread-safe; keep one instance per worker so the reference-solution cache is shared across students.
 */
public final class StudentGrader {

    private static final Logger log = LoggerFactory.getLogger(StudentGrader.class);

    private final Map<QuestionType, QuestionGrader> graders;

    /** A grader using the given LLM, Judge0 and clock (either remote may be null). */
    public StudentGrader(GradingServices services) {
        this.graders = QuestionGraders.create(services);
    }

    /**
     * Grades one student.
     *
     * @param quizId the quiz, for logs
     * @param studentId the student, for logs
     * @param questions the questions to grade (already filtered), in quiz order
     * @param settings the quiz settings, or null for defaults (everything off)
     * @param response the student's answers {@code {"<qid>": {"studentAnswer": ...}}}, or null (NOT_SUBMITTED)
     * @return the body for {@code POST /eval/quiz/{quizId}/save/{studentId}}
     * @throws RemoteCallException when the LLM or Judge0 fails so the task should be retried or dead-lettered
     * @throws GradingInterruptedException when the thread is interrupted (the task's time-out)
     */
    public SaveBody grade(
            String quizId, String studentId, List<Question> questions, QuizSettings settings, JsonNode response) {
        QuizSettings quiz = settings == null ? QuizSettings.defaults(quizId) : settings;
        Map<String, QuestionOutcome> outcomes = new LinkedHashMap<>();
        for (Question question : questions) {
            stopIfInterrupted();
            outcomes.put(key(question, outcomes.size()), outcome(question, quiz, response));
        }
        log.debug("Graded {} questions of quiz {} for student {}", outcomes.size(), quizId, studentId);
        return Totals.saveBody(questions, outcomes);
    }

    private static String key(Question question, int index) {
        return question.id() == null ? "question-" + index : question.id();
    }

    private QuestionOutcome outcome(Question question, QuizSettings settings, JsonNode response) {
        // No time_taken in the saved body: a redelivered task must save exactly the same body.
        Grade grade = safely(question, settings, response);
        return new QuestionOutcome(
                null,
                grade.mark(),
                grade.remarks(),
                grade.status(),
                question.type(),
                null,
                grade.errorMessage(),
                grade.flags(),
                grade.details());
    }

    private Grade safely(Question question, QuizSettings settings, JsonNode response) {
        try {
            return gradeOne(question, settings, response);
        } catch (GradingException e) {
            return Grade.error(e.getMessage());
        } catch (RemoteCallException | GradingInterruptedException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // A failure caused by the task's time-out is the task's, not this question's.
            stopIfInterrupted();
            // A grader bug (or an answer that overflows a recursive parser) must not fail the other questions;
            // it is logged in full and saved as this question's ERROR. Other errors (out of memory) stay fatal.
            log.warn("Unexpected failure grading question {} of quiz {}", question.id(), settings.id(), e);
            return Grade.error("Internal grading error: " + e.getClass().getSimpleName());
        }
    }

    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new GradingInterruptedException();
        }
    }

    private Grade gradeOne(Question question, QuizSettings settings, JsonNode response) {
        QuestionType type = QuestionType.of(question.type());
        if (type == null) {
            return Grade.error("Unsupported question type: " + question.type());
        }
        GradingInput input = input(question, settings, response);
        if (AnswerLimit.exceeded(input.answer())) {
            return AnswerLimit.tooLong();
        }
        return graders.get(type).grade(input);
    }

    private static GradingInput input(Question question, QuizSettings settings, JsonNode response) {
        if (question.id() == null || question.marks() == null || Totals.validMarks(question) != question.marks()) {
            throw GradingException.invalidQuestion("id and non-negative marks are required");
        }
        return new GradingInput(
                question,
                question.marks(),
                QuestionData.unwrap(question.questionData()),
                QuestionData.unwrap(question.solution()),
                Answers.of(response, question.id()),
                settings);
    }
}
