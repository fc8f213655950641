package io.evalify.schemas.result;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code evaluationResult} object the Evalify UI reads: {@code {"v": "v1", "data": {qid: outcome}}}.
 *
 * @param version always {@code v1}
 * @param data outcome per question id, in the quiz's question order
 */
public record EvaluationResult(
        @JsonProperty("v") String version,
        @JsonProperty("data") Map<String, QuestionOutcome> data) {

    /** The only version the UI understands. */
    public static final String VERSION = "v1";

    /** Compact constructor: keeps the question order and makes the map read-only. */
    public EvaluationResult {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data == null ? Map.of() : data));
    }

    /** A v1 result over the given outcomes. */
    public static EvaluationResult of(Map<String, QuestionOutcome> data) {
        return new EvaluationResult(VERSION, data);
    }
}
