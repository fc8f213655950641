package io.evalify.grading.objective;

import io.evalify.grading.Grade;
import io.evalify.grading.GradingException;
import io.evalify.grading.GradingInput;
import io.evalify.grading.JsonNodes;
import io.evalify.grading.QuestionGrader;
import java.util.List;
import java.util.Set;

/**
 * MMCQ: the answer is a list of option ids. Any wrong id → penalty (quiz settings) "Incorrect"; the exact
 * set → full marks; a strict subset → {@code marks × chosen / correct} "Partially correct" when
 * {@code mcqGlobalPartialMarking} is on, else 0 "Incorrect".
 */
public final class MmcqGrader implements QuestionGrader {

    @Override
    public Grade grade(GradingInput input) {
        Set<String> correct = OptionIds.correct(input.solution());
        Set<String> chosen = input.unanswered() ? Set.of() : OptionIds.normalise(selectedIds(input));
        if (chosen.isEmpty()) {
            return Grade.noAnswer();
        }
        return grade(input, chosen, correct);
    }

    private static Grade grade(GradingInput input, Set<String> chosen, Set<String> correct) {
        if (!correct.containsAll(chosen)) {
            return Grade.incorrect(NegativeMarking.forMmcq(input));
        }
        if (chosen.size() == correct.size()) {
            return Grade.correct(input.marks());
        }
        return partial(input, (double) chosen.size() / correct.size());
    }

    private static Grade partial(GradingInput input, double fraction) {
        boolean partialMarking = Boolean.TRUE.equals(input.settings().mcqGlobalPartialMarking());
        return partialMarking ? Grade.partial(input.marks() * fraction) : Grade.incorrect(0);
    }

    private static List<String> selectedIds(GradingInput input) {
        List<String> ids = JsonNodes.strings(input.answer());
        if (ids == null) {
            throw GradingException.invalidAnswer("MMCQ expects a list of option ids");
        }
        return ids;
    }
}
