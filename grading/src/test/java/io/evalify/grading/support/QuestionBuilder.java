package io.evalify.grading.support;

import io.evalify.schemas.Json;
import io.evalify.schemas.backend.Question;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds backend questions with version-wrapped data: {@code aQuestion().mcq("o2").marks(2).build()}. */
public final class QuestionBuilder {

    private String id = "q1";
    private String type = "MCQ";
    private Double marks = 1.0;
    private Double negativeMarks;
    private String html = "<p>Question?</p>";
    private JsonNode data = Json.mapper().createObjectNode();
    private JsonNode solution = Json.mapper().createObjectNode();
    private boolean wrap = true;

    private QuestionBuilder() {}

    /** A 1-mark MCQ with id q1 and empty data, to be shaped by the other methods. */
    public static QuestionBuilder aQuestion() {
        return new QuestionBuilder();
    }

    /** MCQ with these correct option ids. */
    public QuestionBuilder mcq(String... correct) {
        return type("MCQ").solution(correctOptions(correct));
    }

    /** MMCQ with these correct option ids. */
    public QuestionBuilder mmcq(String... correct) {
        return type("MMCQ").solution(correctOptions(correct));
    }

    /** TRUE_FALSE with this answer. */
    public QuestionBuilder trueFalse(boolean answer) {
        return type("TRUE_FALSE").solution(Json.mapper().createObjectNode().put("trueFalseAnswer", answer));
    }

    /** FILL_THE_BLANK; blanks as {@code "0" -> ["Paris"]}, weights may be empty. */
    public QuestionBuilder fillBlank(String mode, Map<String, ?> weights, Map<String, List<String>> blanks) {
        return fillBlank(mode, weights, blanks, "TEXT");
    }

    /** FILL_THE_BLANK whose blanks all have this answer type. */
    public QuestionBuilder fillBlank(
            String mode, Map<String, ?> weights, Map<String, List<String>> blanks, String answerType) {
        ObjectNode config = Json.mapper().createObjectNode().put("evaluationType", mode);
        config.set("blankWeights", Json.mapper().valueToTree(weights));
        ObjectNode accepted = Json.mapper().createObjectNode();
        blanks.forEach((key, answers) -> accepted.putObject(key)
                .put("type", answerType)
                .set("answers", Json.mapper().valueToTree(answers)));
        return type("FILL_THE_BLANK")
                .data(Json.mapper().createObjectNode().set("config", config))
                .solution(Json.mapper().createObjectNode().set("acceptableAnswers", accepted));
    }

    /** MATCHING whose solution pairs are given in order (right items with empty lists). */
    public QuestionBuilder matching(Map<String, List<String>> pairs) {
        ArrayNode options = Json.mapper().createArrayNode();
        pairs.forEach((left, right) -> options.addObject()
                .put("id", left)
                .set("matchPairIds", Json.mapper().valueToTree(right)));
        return type("MATCHING").solution(Json.mapper().createObjectNode().set("options", options));
    }

    /** DESCRIPTIVE with a model answer and keywords. */
    public QuestionBuilder descriptive(String modelAnswer, String... keywords) {
        ObjectNode solution = Json.mapper().createObjectNode().put("modelAnswer", modelAnswer);
        solution.set("keywords", Json.mapper().valueToTree(List.of(keywords)));
        return type("DESCRIPTIVE").solution(solution);
    }

    /** Any type with raw JSON data and solution (unwrapped; the builder wraps them). */
    public QuestionBuilder raw(String type, String dataJson, String solutionJson) {
        return type(type)
                .data(Json.mapper().readTree(dataJson))
                .solution(Json.mapper().readTree(solutionJson));
    }

    public QuestionBuilder type(String newType) {
        this.type = newType;
        return this;
    }

    public QuestionBuilder id(String newId) {
        this.id = newId;
        return this;
    }

    public QuestionBuilder marks(Double newMarks) {
        this.marks = newMarks;
        return this;
    }

    public QuestionBuilder negativeMarks(Double value) {
        this.negativeMarks = value;
        return this;
    }

    public QuestionBuilder html(String text) {
        this.html = text;
        return this;
    }

    public QuestionBuilder data(JsonNode node) {
        this.data = node;
        return this;
    }

    public QuestionBuilder solution(JsonNode node) {
        this.solution = node;
        return this;
    }

    /** Stores data and solution without the version envelope (legacy rows). */
    public QuestionBuilder unwrapped() {
        this.wrap = false;
        return this;
    }

    public Question build() {
        return new Question(id, type, marks, negativeMarks, html, wrapped(data), wrapped(solution), 0);
    }

    private JsonNode wrapped(JsonNode node) {
        if (!wrap || node == null) {
            return node;
        }
        ObjectNode envelope = Json.mapper().createObjectNode().put("version", 1);
        return envelope.set("data", node);
    }

    private static ObjectNode correctOptions(String... ids) {
        ArrayNode options = Json.mapper().createArrayNode();
        for (String id : ids) {
            options.addObject().put("id", id).put("isCorrect", true);
        }
        return Json.mapper().createObjectNode().set("correctOptions", options);
    }
}
