package io.evalify.grading.support;

import io.evalify.grading.GradingServices;
import io.evalify.grading.StudentGrader;
import io.evalify.schemas.Json;
import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.QuizSettings;
import io.evalify.schemas.result.QuestionOutcome;
import io.evalify.schemas.result.SaveBody;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Grades single questions through the public {@link StudentGrader}, as the worker will. */
public final class Grading {

    /** A clock that never moves, so {@code time_taken} is 0 in tests. */
    public static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);

    private Grading() {}

    /** A rules-only grader with a fixed clock. */
    public static StudentGrader rulesOnly() {
        return new StudentGrader(new GradingServices(null, null, FIXED));
    }

    /** Grades one question answered with {@code studentAnswer} (any Java value, or null for JSON null). */
    public static QuestionOutcome grade(Question question, Object studentAnswer, QuizSettings settings) {
        return grade(rulesOnly(), question, studentAnswer, settings);
    }

    /** As {@link #grade(Question, Object, QuizSettings)} with a given grader. */
    public static QuestionOutcome grade(
            StudentGrader grader, Question question, Object studentAnswer, QuizSettings settings) {
        SaveBody body = grader.grade(
                "quiz-1", "student-1", List.of(question), settings, response(question.id(), studentAnswer));
        return body.evaluationResult().data().get(question.id());
    }

    /** Grades one question for a student whose response has no entry for it. */
    public static QuestionOutcome gradeUnanswered(Question question, QuizSettings settings) {
        SaveBody body = rulesOnly().grade("quiz-1", "student-1", List.of(question), settings, null);
        return body.evaluationResult().data().get(question.id());
    }

    /** {@code {"<qid>": {"studentAnswer": value}}}. */
    public static JsonNode response(String questionId, Object studentAnswer) {
        ObjectNode response = Json.mapper().createObjectNode();
        response.putObject(questionId).set("studentAnswer", Json.mapper().valueToTree(studentAnswer));
        return response;
    }

    /** Parses JSON text, for answers that are easier to write as JSON. */
    public static JsonNode json(String text) {
        return Json.mapper().readTree(text);
    }
}
