package io.evalify.fakes.backend;

import java.util.random.RandomGenerator;

/** How well a generated student answers one question. */
enum AnswerQuality {
    CORRECT,
    PARTIAL,
    WRONG,
    UNANSWERED;

    /** Draws a quality: 40 % correct, 20 % partial, 25 % wrong, 15 % unanswered. */
    static AnswerQuality draw(RandomGenerator random) {
        int roll = random.nextInt(100);
        if (roll < 40) {
            return CORRECT;
        }
        if (roll < 60) {
            return PARTIAL;
        }
        return roll < 85 ? WRONG : UNANSWERED;
    }

    /** Draws an answer that needs grading: half partial, half wrong, never blank or a copy of the key. */
    static AnswerQuality drawGraded(RandomGenerator random) {
        return random.nextBoolean() ? PARTIAL : WRONG;
    }
}
