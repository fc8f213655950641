package io.evalify.grading.matching;

import static io.evalify.grading.support.Grading.grade;
import static io.evalify.grading.support.OutcomeAssert.assertThatOutcome;
import static io.evalify.grading.support.QuestionBuilder.aQuestion;
import static io.evalify.grading.support.SettingsBuilder.aQuiz;

import io.evalify.grading.support.Source;
import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.QuizSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MATCHING: left items only, answer forms, partial marking per left item. */
class MatchingGraderTest {

    private static final QuizSettings DEFAULTS = aQuiz().build();

    private final Question skyAndSea = aQuestion().matching(skyAndSeaPairs()).build();

    @Test
    @Source.OldSuite("test_match_evaluator_accepts_correct_pairs")
    void shouldAwardFullMarksForTheSameList() {
        assertThatOutcome(grade(skyAndSea, asList(skyAndSeaPairs()), DEFAULTS)).isEvaluated(1.0, "Correct");
    }

    @Test
    @Source.OldSuite("test_match_evaluator_detects_wrong_pairs")
    void shouldScoreZeroForOneWrongPairWithoutPartialMarking() {
        Map<String, List<String>> answer = skyAndSeaPairs();
        answer.put("left-sky", List.of("right-green"));
        assertThatOutcome(grade(skyAndSea, asList(answer), DEFAULTS)).isEvaluated(0.0, "Incorrect");
    }

    @Test
    @Source.OldSuite("test_match_evaluator_ignores_pair_order")
    void shouldIgnoreTheOrderOfPairs() {
        Map<String, List<String>> answer = skyAndSeaPairs();
        answer.put("left-ocean", List.of("right-green", "right-blue"));
        assertThatOutcome(grade(skyAndSea, asList(answer), DEFAULTS)).isEvaluated(1.0, "Correct");
    }

    @Test
    @Source.OldSuite("test_match_evaluator_accepts_dict_payload")
    void shouldAcceptTheObjectFormWithEveryKey() {
        assertThatOutcome(grade(skyAndSea, skyAndSeaPairs(), DEFAULTS)).isEvaluated(1.0, "Correct");
    }

    @Test
    @Source.ObservedFact("a left-only answer (every real exam answer) was an ERROR; it is now graded")
    void shouldGradeALeftOnlyAnswer() {
        Question question = aQuestion()
                .matching(Map.of("L1", List.of("R1"), "R1", List.of()))
                .build();
        assertThatOutcome(grade(question, Map.of("L1", List.of("R1")), DEFAULTS))
                .isEvaluated(1.0, "Correct");
    }

    @Test
    @Source.Fix("MATCHING left-only answer: graded, a missing left item is []")
    void shouldTreatAMissingLeftItemAsEmpty() {
        assertThatOutcome(grade(twoPairs(), Map.of("L1", List.of("R1")), DEFAULTS))
                .isEvaluated(0.0, "Incorrect");
    }

    @Test
    @Source.Fix("MATCHING some left items right: a share with mcqGlobalPartialMarking")
    void shouldGiveAShareOfLeftItemsWithPartialMarking() {
        assertThatOutcome(grade(
                        twoPairs(),
                        Map.of("L1", List.of("R1")),
                        aQuiz().partialMarking().build()))
                .isEvaluated(1.0, "Partially correct");
    }

    @Test
    @Source.Fix("MATCHING left-only answer: the legacy {\"L1\": \"R1\"} form is accepted")
    void shouldAcceptTheLegacyOneToOneForm() {
        assertThatOutcome(grade(twoPairs(), Map.of("L1", "R1", "L2", "R2"), DEFAULTS))
                .isEvaluated(2.0, "Correct");
    }

    @Test
    @Source.Fix("MATCHING left-only answer: right-side or unknown keys are ignored")
    void shouldIgnoreRightSideKeysInTheAnswer() {
        Map<String, List<String>> answer =
                Map.of("L1", List.of("R1"), "L2", List.of("R2"), "R1", List.of("L1"), "R3", List.of("x"));
        assertThatOutcome(grade(twoPairs(), answer, DEFAULTS)).isEvaluated(2.0, "Correct");
    }

    @Test
    @Source.Fix("MATCHING right-side solution entry without matchPairIds: left items come from isLeft too")
    void shouldTakeLeftItemsFromIsLeftInTheQuestionData() {
        Question question = aQuestion()
                .raw(
                        "MATCHING",
                        """
                {"options": [{"id": "L1", "isLeft": true}, {"id": "L2", "isLeft": true}, {"id": "R1", "isLeft": false}]}""",
                        "{\"options\": [{\"id\": \"L1\", \"matchPairIds\": [\"R1\"]}, {\"id\": \"R1\", \"matchPairIds\": []}]}")
                .build();
        assertThatOutcome(grade(question, Map.of("L1", List.of("R1")), DEFAULTS))
                .isEvaluated(1.0, "Correct");
    }

    private static Question twoPairs() {
        return aQuestion()
                .matching(Map.of(
                        "L1", List.of("R1"), "L2", List.of("R2"), "R1", List.of(), "R2", List.of(), "R3", List.of()))
                .marks(2.0)
                .build();
    }

    private static Map<String, List<String>> skyAndSeaPairs() {
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        pairs.put("left-sky", List.of("right-blue"));
        pairs.put("left-grass", List.of("right-green"));
        pairs.put("left-ocean", List.of("right-blue", "right-green"));
        pairs.put("right-blue", List.of());
        pairs.put("right-green", List.of());
        pairs.put("right-orange", List.of());
        return pairs;
    }

    private static List<Map<String, Object>> asList(Map<String, List<String>> pairs) {
        return pairs.entrySet().stream()
                .map(e -> Map.<String, Object>of("id", e.getKey(), "matchPairIds", e.getValue()))
                .toList();
    }
}
