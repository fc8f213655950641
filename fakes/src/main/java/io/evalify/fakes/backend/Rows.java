package io.evalify.fakes.backend;

import io.evalify.schemas.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills the columns a test did not bother to set, so partial rows still look like the real backend's
 * (docs/BACKEND-CONTRACT.md). Only absent fields are filled: an explicit {@code null} stays null.
 */
final class Rows {

    static final String CREATED_AT = "2026-01-10T10:00:00.000Z";
    static final String STARTED_AT = "2026-01-15T10:00:00.000Z";
    static final String SUBMITTED_AT = "2026-01-15T10:45:00.000Z";
    static final String ENDED_AT = "2026-01-15T11:00:00.000Z";
    static final String AUTHOR_ID = "99999999-9999-4999-8999-999999999999";

    private Rows() {}

    /** A copy of {@code value} (record or node) as an object node. */
    static ObjectNode toObject(Object value) {
        JsonNode node =
                value instanceof JsonNode json ? json.deepCopy() : Json.mapper().valueToTree(value);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("expected a JSON object, got " + node.getNodeType());
        }
        return object;
    }

    /** A complete question object. */
    static ObjectNode question(Object value) {
        ObjectNode q = toObject(value);
        String id = q.path("id").asString(q.path("questionId").asString(null));
        if (id == null) {
            throw new IllegalArgumentException("question without id: " + q);
        }
        putIfAbsent(q, "questionId", id);
        putIfAbsent(q, "id", id);
        putIfAbsent(q, "orderIndex", 0);
        putIfAbsent(q, "difficulty", "MEDIUM");
        nullIfAbsent(q, "courseOutcome", "bloomTaxonomyLevel", "explanation");
        putIfAbsent(q, "createdById", AUTHOR_ID);
        putIfAbsent(q, "created_at", CREATED_AT);
        putIfAbsent(q, "updated_at", CREATED_AT);
        return q;
    }

    /** A complete {@code quiz_response} row. */
    static ObjectNode response(Object value) {
        ObjectNode r = toObject(value);
        require(r, "quizId");
        require(r, "studentId");
        putIfAbsent(r, "startTime", STARTED_AT);
        putIfAbsent(r, "endTime", ENDED_AT);
        putIfAbsent(r, "submissionTime", SUBMITTED_AT);
        if (!r.has("ip")) {
            r.putArray("ip").add("10.0.0.5");
        }
        putIfAbsent(r, "duration", "01:00:00");
        nullIfAbsent(r, "response", "evaluationResults", "score", "totalScore", "violations");
        if (!r.has("isViolated")) {
            r.put("isViolated", false);
        }
        putIfAbsent(r, "submissionStatus", "SUBMITTED");
        putIfAbsent(r, "evaluationStatus", "NOT_EVALUATED");
        putIfAbsent(r, "created_at", STARTED_AT);
        putIfAbsent(r, "updated_at", SUBMITTED_AT);
        return r;
    }

    /** The bare settings object with every absent option off. */
    static ObjectNode settings(String quizId, Object value) {
        ObjectNode s = toObject(value);
        putIfAbsent(s, "id", quizId);
        for (String flag :
                new String[] {"mcqGlobalPartialMarking", "codingGlobalPartialMarking", "llmEvaluationEnabled"}) {
            if (!s.has(flag)) {
                s.put(flag, false);
            }
        }
        nullIfAbsent(
                s,
                "mcqGlobalNegativeMark",
                "mcqGlobalNegativePercent",
                "llmProvider",
                "llmModelName",
                "fitbLlmSystemPrompt",
                "descLlmSystemPrompt");
        return s;
    }

    /** A quiz row with the columns of docs/BACKEND-CONTRACT.md. */
    static ObjectNode quiz(String quizId, String name) {
        ObjectNode q = Json.mapper().createObjectNode().put("id", quizId).put("name", name);
        q.put("description", "")
                .put("instructions", "")
                .put("startTime", STARTED_AT)
                .put("endTime", ENDED_AT);
        q.put("duration", "01:00:00").putNull("password");
        q.put("fullScreen", false).put("shuffleQuestions", false).put("shuffleOptions", false);
        q.put("linearQuiz", false).put("calculator", false).put("autoSubmit", true);
        q.put("publishResult", false).put("publishQuiz", true).put("kioskMode", false);
        q.put("created_at", CREATED_AT).put("updated_at", CREATED_AT).put("createdById", AUTHOR_ID);
        return q;
    }

    private static void require(ObjectNode node, String field) {
        if (!node.path(field).isString()) {
            throw new IllegalArgumentException("row without string " + field + ": " + node);
        }
    }

    private static void putIfAbsent(ObjectNode node, String field, String value) {
        if (!node.has(field)) {
            node.put(field, value);
        }
    }

    private static void putIfAbsent(ObjectNode node, String field, int value) {
        if (!node.has(field)) {
            node.put(field, value);
        }
    }

    private static void nullIfAbsent(ObjectNode node, String... fields) {
        for (String field : fields) {
            if (!node.has(field)) {
                node.putNull(field);
            }
        }
    }
}
