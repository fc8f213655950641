package io.evalify.bench.hostile;

import io.evalify.bench.Percentiles;
import java.util.Arrays;

/**
 * How one grader fared on the hostile answers.
 *
 * @param grader the question type's id in {@code HostileAnswers.questions()}
 * @param answers answers timed
 * @param p50Millis median time per answer
 * @param p99Millis 99th percentile
 * @param maxMillis the slowest
 * @param slowestAnswerChars the slowest answer's length as JSON text
 * @param escaped answers that escaped their question (threw, grader bug, marks out of range, sentinel disturbed)
 */
public record GraderTiming(
        String grader,
        int answers,
        double p50Millis,
        double p99Millis,
        double maxMillis,
        int slowestAnswerChars,
        int escaped) {

    /** Within the budget on every answer, and nothing escaped. */
    public boolean passes() {
        return maxMillis <= HostileAnswerRun.BUDGET_MILLIS && escaped == 0;
    }

    /** Collects one grader's samples. */
    static final class Builder {

        private final String grader;
        private long[] nanos = new long[64];
        private int count;
        private long slowest = -1;
        private int slowestChars;
        private int escaped;

        Builder(String grader) {
            this.grader = grader;
        }

        void add(long elapsedNanos, boolean confined, int answerChars) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = elapsedNanos;
            if (elapsedNanos > slowest) {
                slowest = elapsedNanos;
                slowestChars = answerChars;
            }
            if (!confined) {
                escaped++;
            }
        }

        GraderTiming build() {
            var percentiles = Percentiles.of(Arrays.copyOf(nanos, count));
            return new GraderTiming(
                    grader,
                    count,
                    percentiles.millis(50),
                    percentiles.millis(99),
                    percentiles.millis(100),
                    slowestChars,
                    escaped);
        }
    }
}
