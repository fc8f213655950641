package io.evalify.schemas.result;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of the backend's {@code POST /eval/quiz/{quizId}/save/{studentId}} (docs/BACKEND-CONTRACT.md, the save route):
 * the route needs numeric {@code score} and {@code totalScore}. Schema: {@code schemas/student-result.schema.json}.
 *
 * @param score the student's total, clamped at 0 (see docs/GRADING.md)
 * @param totalScore the sum of the graded questions' marks
 * @param evaluationResult per-question outcomes
 */
public record SaveBody(
        @JsonProperty("score") double score,
        @JsonProperty("totalScore") double totalScore,
        @JsonProperty("evaluationResult") EvaluationResult evaluationResult) {}
