package io.evalify.grading.fillblank;

import static io.evalify.grading.support.Grading.grade;
import static io.evalify.grading.support.OutcomeAssert.assertThatOutcome;
import static io.evalify.grading.support.QuestionBuilder.aQuestion;
import static io.evalify.grading.support.SettingsBuilder.aQuiz;
import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.fakes.llm.FakeLlm;
import io.evalify.grading.StudentGrader;
import io.evalify.grading.support.LlmFixtures;
import io.evalify.schemas.backend.Question;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** HYBRID blanks: static first, one LLM call per failed non-empty blank, max_marks = that blank's share. */
class HybridBlanksTest {

    @AutoClose
    private final FakeLlm llm = new FakeLlm().start();

    private final StudentGrader grader = LlmFixtures.studentGrader(llm, null);
    private final Question question = aQuestion()
            .html("<p>___ lies on the ___.</p>")
            .marks(3.0)
            .fillBlank("HYBRID", Map.of("0", 1, "1", 2), Map.of("0", List.of("Paris"), "1", List.of("Seine")))
            .build();

    @Test
    void shouldNotCallTheModelWhenEveryBlankMatches() {
        assertThatOutcome(grade(grader, question, Map.of("0", "paris", "1", "seine"), aQuiz().build()))
                .isEvaluated(3.0, "Correct");
        assertThat(llm.requestCount()).isZero();
    }

    @Test
    void shouldAskTheModelOnlyForTheFailedBlankWithItsShareAsMaxMarks() {
        var outcome = grade(
                grader,
                question,
                Map.of("0", "Paris", "1", "the river Seine, surely"),
                aQuiz().fitbPrompt("Accept synonyms.").build());
        assertThat(llm.requestCount()).isEqualTo(1);
        String user = llm.lastRequest()
                .orElseThrow()
                .path("messages")
                .get(1)
                .path("content")
                .asString();
        assertThat(user)
                .contains(
                        "<max_marks>2</max_marks>",
                        "<model_answer>Seine</model_answer>",
                        "<student_answer>the river Seine, surely</student_answer>");
        assertThat(llm.lastRequest()
                        .orElseThrow()
                        .path("messages")
                        .get(0)
                        .path("content")
                        .asString())
                .endsWith("Accept synonyms.");
        assertThatOutcome(outcome).isEvaluated(3.0, "Correct");
        assertThat(outcome.details().path("blanks").get(1).path("method").asString())
                .isEqualTo("llm");
    }

    @Test
    void shouldSkipEmptyBlanks() {
        var outcome = grade(grader, question, Map.of("0", "Paris", "1", ""), aQuiz().build());
        assertThatOutcome(outcome).isEvaluated(1.0, "Partially correct");
        assertThat(llm.requestCount()).isZero();
    }
}
