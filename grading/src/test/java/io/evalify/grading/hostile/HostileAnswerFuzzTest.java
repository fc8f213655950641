package io.evalify.grading.hostile;

import static io.evalify.grading.support.QuestionBuilder.aQuestion;
import static io.evalify.grading.support.SettingsBuilder.aQuiz;
import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.fakes.llm.FakeLlm;
import io.evalify.grading.AnswerLimit;
import io.evalify.grading.GradingServices;
import io.evalify.grading.StudentGrader;
import io.evalify.grading.llm.LlmGrader;
import io.evalify.grading.support.Grading;
import io.evalify.grading.support.LlmFixtures;
import io.evalify.schemas.Json;
import io.evalify.schemas.backend.Question;
import io.evalify.schemas.result.QuestionOutcome;
import io.evalify.schemas.result.QuestionStatus;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;

/**
 * Every grader over hostile answers ({@link HostileAnswers}), through the public {@link StudentGrader} with a
 * fake LLM over HTTP and an echoing code runner: no answer may throw past its question, earn marks outside
 * the question's range, hit a grader bug ("Internal grading error"), or disturb the student's other question;
 * an answer over {@link AnswerLimit#MAX_CHARS} is left for a person. The time each grader takes on these
 * inputs is measured by the bench's hostile-answer scenario, not here.
 */
class HostileAnswerFuzzTest {

    private static final double MARKS = HostileAnswers.MARKS;
    private static final double PENALTY = HostileAnswers.PENALTY;

    private static FakeLlm llm;
    private static StudentGrader grader;

    @BeforeContainer
    static void startTheFakeLlm() {
        llm = new FakeLlm().start();
        grader = new StudentGrader(new GradingServices(
                new LlmGrader(LlmFixtures.configFor(llm)), HostileAnswers.echoingRunner(), Grading.FIXED));
    }

    @AfterContainer
    static void stopTheFakeLlm() {
        llm.close();
    }

    @Property(tries = 400, seed = "20261201")
    void shouldConfineEveryHostileAnswerToItsQuestion(
            @ForAll("questions") Question question, @ForAll("answers") JsonNode answer) {
        var response = Json.mapper().createObjectNode();
        response.putObject(question.id()).set("studentAnswer", answer);
        response.putObject("sentinel").put("studentAnswer", "a");
        var sentinel = aQuestion().id("sentinel").mcq("a").build();

        var body = grader.grade("quiz-1", "student-1", List.of(question, sentinel), aQuiz().build(), response);

        QuestionOutcome outcome = body.evaluationResult().data().get(question.id());
        assertThat(outcome.evaluationStatus())
                .isIn(QuestionStatus.EVALUATED, QuestionStatus.ERROR, QuestionStatus.NOT_EVALUATED);
        assertThat(outcome.mark()).isBetween(-PENALTY, MARKS);
        assertThat(String.valueOf(outcome.errorMessage())).doesNotStartWith("Internal grading error");
        if (AnswerLimit.exceeded(answer)) {
            assertThat(outcome.evaluationStatus()).isEqualTo(QuestionStatus.NOT_EVALUATED);
            assertThat(outcome.flags()).contains(AnswerLimit.FLAG);
        }
        assertThat(body.evaluationResult().data().get("sentinel").mark()).isEqualTo(1.0);
    }

    @Provide
    Arbitrary<JsonNode> answers() {
        return HostileAnswers.answer();
    }

    @Provide
    Arbitrary<Question> questions() {
        return Arbitraries.of(HostileAnswers.questions());
    }
}
