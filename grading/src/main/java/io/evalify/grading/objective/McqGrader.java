package io.evalify.grading.objective;

import io.evalify.grading.Grade;
import io.evalify.grading.GradingException;
import io.evalify.grading.GradingInput;
import io.evalify.grading.QuestionGrader;
import java.util.Set;

/**
 * MCQ: the answer is one option id; correct only when it is the solution's single correct id (a solution
 * listing several correct ids therefore cannot be scored, as before). Wrong answers take the penalty
 * from {@link NegativeMarking#forMcq}; unanswered ones earn 0.
 */
public final class McqGrader implements QuestionGrader {

    @Override
    public Grade grade(GradingInput input) {
        Set<String> correct = OptionIds.correct(input.solution());
        if (input.unanswered()) {
            return Grade.noAnswer();
        }
        Set<String> chosen = OptionIds.normalise(Set.of(selectedId(input)));
        return chosen.equals(correct) ? Grade.correct(input.marks()) : Grade.incorrect(NegativeMarking.forMcq(input));
    }

    private static String selectedId(GradingInput input) {
        if (!input.answer().isString()) {
            throw GradingException.invalidAnswer("MCQ expects one option id as a string");
        }
        return input.answer().stringValue();
    }
}
