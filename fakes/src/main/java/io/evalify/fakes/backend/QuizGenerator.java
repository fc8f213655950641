package io.evalify.fakes.backend;

import io.evalify.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a quiz from a {@link GeneratedQuizSpec}: version-wrapped questions (docs/BACKEND-CONTRACT.md) and students
 * whose answers are a seeded mix of correct, partially correct, wrong and unanswered. Ids are
 * name-based UUIDs of the quiz id, so the same spec always gives the same quiz.
 */
public final class QuizGenerator {

    private QuizGenerator() {}

    /** Generates the quiz described by {@code spec}. */
    public static Fixture generate(GeneratedQuizSpec spec) {
        Random random = new Random(spec.seed());
        List<QuestionTemplates.Template> templates = new ArrayList<>();
        List<JsonNode> questions = new ArrayList<>();
        for (int i = 0; i < spec.questions(); i++) {
            QuestionTemplates.Template template =
                    QuestionTemplates.create(spec.types().get(i % spec.types().size()), i, random);
            templates.add(template);
            questions.add(question(spec.quizId(), i, template));
        }
        List<JsonNode> responses = new ArrayList<>();
        for (int s = 0; s < spec.students(); s++) {
            boolean submitted = s < spec.students() - spec.notSubmitted();
            responses.add(response(
                    spec.quizId(),
                    s,
                    submitted ? answers(questions, templates, random, spec.allAnswersGraded()) : null));
        }
        return new Fixture(
                spec.quizId(),
                Rows.quiz(spec.quizId(), "Generated quiz " + spec.quizId()),
                questions,
                settings(spec),
                responses);
    }

    /** The deterministic id of the {@code index}-th generated student of a quiz. */
    public static String studentId(String quizId, int index) {
        return nameUuid(quizId + "/student/" + index);
    }

    /** The deterministic id of the {@code index}-th generated question of a quiz. */
    public static String questionId(String quizId, int index) {
        return nameUuid(quizId + "/question/" + index);
    }

    private static ObjectNode question(String quizId, int index, QuestionTemplates.Template template) {
        ObjectNode q = Json.mapper().createObjectNode().put("id", questionId(quizId, index));
        q.put("orderIndex", index)
                .put("type", template.type())
                .put("marks", template.marks())
                .put("negativeMarks", 0.0);
        q.put("question", template.html());
        q.set("questionData", wrapped(template.data()));
        q.set("solution", wrapped(template.solution()));
        return Rows.question(q);
    }

    private static ObjectNode answers(
            List<JsonNode> questions, List<QuestionTemplates.Template> templates, Random random, boolean graded) {
        ObjectNode answers = Json.mapper().createObjectNode();
        for (int i = 0; i < questions.size(); i++) {
            AnswerQuality quality = graded ? AnswerQuality.drawGraded(random) : AnswerQuality.draw(random);
            if (quality != AnswerQuality.UNANSWERED) {
                JsonNode value = templates.get(i).answerer().answer(quality, random);
                answers.putObject(questions.get(i).path("id").asString()).set("studentAnswer", value);
            }
        }
        return answers;
    }

    private static ObjectNode response(String quizId, int index, ObjectNode answers) {
        ObjectNode row =
                Json.mapper().createObjectNode().put("quizId", quizId).put("studentId", studentId(quizId, index));
        row.set("response", answers);
        row.put("submissionStatus", answers == null ? "NOT_SUBMITTED" : "SUBMITTED");
        return Rows.response(row);
    }

    private static ObjectNode settings(GeneratedQuizSpec spec) {
        ObjectNode settings = Json.mapper().createObjectNode().put("id", spec.quizId());
        settings.put("mcqGlobalPartialMarking", true).put("codingGlobalPartialMarking", true);
        settings.put("llmEvaluationEnabled", spec.types().contains("DESCRIPTIVE"));
        return Rows.settings(spec.quizId(), settings);
    }

    private static ObjectNode wrapped(ObjectNode data) {
        ObjectNode wrapper = Json.mapper().createObjectNode().put("version", 1);
        wrapper.set("data", data);
        return wrapper;
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
