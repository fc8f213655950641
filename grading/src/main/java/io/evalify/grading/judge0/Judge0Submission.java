package io.evalify.grading.judge0;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /submissions}.
 *
 * @param sourceCode the full program
 * @param languageId Judge0 CE language id
 * @param stdin standard input
 * @param cpuTimeLimit seconds, or null for Judge0's default
 * @param memoryLimit kilobytes, or null for Judge0's default
 */
public record Judge0Submission(
        @JsonProperty("source_code") String sourceCode,
        @JsonProperty("language_id") int languageId,
        @JsonProperty("stdin") String stdin,
        @JsonProperty("cpu_time_limit") Double cpuTimeLimit,
        @JsonProperty("memory_limit") Integer memoryLimit) {}
