package io.evalify.grading.matching;

import io.evalify.grading.Grade;
import io.evalify.grading.GradingInput;
import io.evalify.grading.QuestionGrader;
import java.util.Map;
import java.util.Set;

/**
 * MATCHING: only left items are graded; a left item is right when the student's set of right ids equals
 * the solution's (order and duplicates ignored). A left item the student left out counts as {@code []}.
 * All right → full marks; some right → {@code marks × right / leftItems} "Partially correct" when
 * {@code mcqGlobalPartialMarking} is on, else 0 "Incorrect". No negative marking.
 */
public final class MatchingGrader implements QuestionGrader {

    @Override
    public Grade grade(GradingInput input) {
        MatchingKey key = MatchingKey.of(input.data(), input.solution());
        if (input.unanswered()) {
            return Grade.noAnswer();
        }
        int right = countRight(key, MatchingAnswer.read(input.answer()));
        return grade(input, right, key.pairs().size());
    }

    private static int countRight(MatchingKey key, Map<String, Set<String>> chosen) {
        int right = 0;
        for (var pair : key.pairs().entrySet()) {
            right += chosen.getOrDefault(pair.getKey(), Set.of()).equals(pair.getValue()) ? 1 : 0;
        }
        return right;
    }

    private static Grade grade(GradingInput input, int right, int total) {
        if (right == total) {
            return Grade.correct(input.marks());
        }
        boolean partialMarking = Boolean.TRUE.equals(input.settings().mcqGlobalPartialMarking());
        return right > 0 && partialMarking ? Grade.partial(input.marks() * right / total) : Grade.incorrect(0);
    }
}
