package io.evalify.grading.fillblank;

import io.evalify.grading.Grade;
import io.evalify.grading.GradingInput;
import io.evalify.grading.Marks;
import io.evalify.grading.QuestionGrader;
import io.evalify.schemas.Json;
import io.evalify.schemas.backend.BlankMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;

/**
 * FILL_THE_BLANK: each blank is matched statically ({@link BlankMatcher}) and earns its weight scaled to
 * the question's marks. In HYBRID mode the blanks that failed (and are not empty) go to the LLM, one call
 * per blank ({@link HybridBlanks}). Feedback: all blanks full → "Correct"; nothing earned → "Incorrect";
 * else "Partially correct".
 */
public final class FillBlankGrader implements QuestionGrader {

    private final HybridBlanks hybrid;

    /** @param hybrid the LLM fallback for HYBRID questions */
    public FillBlankGrader(HybridBlanks hybrid) {
        this.hybrid = hybrid;
    }

    @Override
    public Grade grade(GradingInput input) {
        BlankKey key = BlankKey.of(input.data(), input.solution(), input.marks());
        Map<String, String> given = input.unanswered() ? Map.of() : BlankAnswers.read(input.answer());
        if (given.values().stream().allMatch(String::isBlank)) {
            return Grade.noAnswer();
        }
        List<BlankScore> scores = staticScores(key, given);
        if (key.mode() == BlankMode.HYBRID) {
            return hybrid.rescore(input, scores, given, this::summarise);
        }
        return summarise(input, scores);
    }

    private static List<BlankScore> staticScores(BlankKey key, Map<String, String> given) {
        List<BlankScore> scores = new ArrayList<>();
        for (Blank blank : key.blanks()) {
            boolean hit = BlankMatcher.matches(blank, given.get(blank.key()), key.mode());
            scores.add(new BlankScore(blank, hit ? blank.marks() : 0, "static"));
        }
        return scores;
    }

    /** The question's grade from its blank scores, with per-blank detail. */
    Grade summarise(GradingInput input, List<BlankScore> scores) {
        double earned = scores.stream().mapToDouble(BlankScore::mark).sum();
        ArrayNode details = Json.mapper().createArrayNode();
        scores.forEach(score -> details.add(score.toJson()));
        return gradeFor(input.marks(), earned, scores.stream().allMatch(BlankScore::full))
                .withDetails(Json.mapper().createObjectNode().set("blanks", details));
    }

    private static Grade gradeFor(double marks, double earned, boolean allFull) {
        if (allFull) {
            return Grade.correct(marks);
        }
        return Marks.round(earned) <= 0 ? Grade.incorrect(0) : Grade.partial(earned);
    }
}
