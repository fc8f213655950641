package io.evalify.grading;

import io.evalify.grading.judge0.CodeRunner;
import io.evalify.grading.llm.LlmGrader;
import java.time.Clock;

/**
 * The remote dependencies and clock a {@link StudentGrader} uses.
 *
 * @param llm the LLM grader, or null: DESCRIPTIVE questions are then NOT_EVALUATED ("LLM not configured")
 *     and HYBRID blanks are matched statically only
 * @param judge0 the code runner (normally a {@link io.evalify.grading.judge0.Judge0Client}), or null:
 *     CODING questions are then NOT_EVALUATED ("Judge0 not configured")
 * @param clock times each question for {@code metrics.time_taken}
 */
public record GradingServices(LlmGrader llm, CodeRunner judge0, Clock clock) {

    /** Compact constructor: the system clock when none is given. */
    public GradingServices {
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** Rule-based grading only: no LLM, no Judge0. */
    public static GradingServices rulesOnly() {
        return new GradingServices(null, null, Clock.systemUTC());
    }
}
