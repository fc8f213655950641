package io.evalify.fakes.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.evalify.fakes.common.TestHttp;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class QuizGeneratorTest {

    private static GeneratedQuizSpec spec(long seed) {
        return GeneratedQuizSpec.builder("gen-1")
                .students(40)
                .questions(7)
                .seed(seed)
                .types(List.copyOf(new java.util.TreeSet<>(GeneratedQuizSpec.SUPPORTED_TYPES)))
                .notSubmitted(3)
                .build();
    }

    @Test
    void shouldGenerateTheSameQuizForTheSameSeed() {
        assertThat(QuizGenerator.generate(spec(7)).toJson())
                .isEqualTo(QuizGenerator.generate(spec(7)).toJson());
    }

    @Test
    void shouldGenerateDifferentAnswersForADifferentSeed() {
        assertThat(QuizGenerator.generate(spec(7)).responses())
                .isNotEqualTo(QuizGenerator.generate(spec(8)).responses());
    }

    @Test
    void shouldWrapQuestionDataAndSolutionWithVersionForEveryType() {
        Fixture quiz = QuizGenerator.generate(spec(1));

        assertThat(quiz.questions())
                .extracting(q -> q.path("type").asString())
                .containsExactlyInAnyOrderElementsOf(GeneratedQuizSpec.SUPPORTED_TYPES);
        assertThat(quiz.questions()).allSatisfy(q -> {
            assertThat(q.path("questionData").path("version").asInt()).isEqualTo(1);
            assertThat(q.path("questionData").path("data").isObject()).isTrue();
            assertThat(q.path("solution").path("version").asInt()).isEqualTo(1);
            assertThat(q.path("solution").path("data").isObject()).isTrue();
        });
    }

    @Test
    void shouldMixCorrectWrongAndUnansweredMcqAnswers() {
        Fixture quiz = QuizGenerator.generate(GeneratedQuizSpec.builder("mcq")
                .students(100)
                .questions(1)
                .types("MCQ")
                .build());
        JsonNode question = quiz.questions().getFirst();
        String qid = question.path("id").asString();
        String correct = question.path("solution")
                .path("data")
                .path("correctOptions")
                .get(0)
                .path("id")
                .asString();

        Map<String, Long> kinds = quiz.responses().stream()
                .map(r -> r.path("response").path(qid).path("studentAnswer"))
                .map(a -> a.isMissingNode() ? "unanswered" : a.asString().equals(correct) ? "correct" : "wrong")
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(kinds).containsOnlyKeys("correct", "wrong", "unanswered");
    }

    @Test
    void shouldGiveEveryStudentAnAnswerToGradeWhenAllAnswersAreGraded() {
        Fixture quiz = QuizGenerator.generate(GeneratedQuizSpec.builder("essay")
                .students(200)
                .questions(1)
                .types("DESCRIPTIVE")
                .allAnswersGraded(true)
                .build());
        JsonNode question = quiz.questions().getFirst();
        String qid = question.path("id").asString();
        String modelAnswer =
                question.path("solution").path("data").path("modelAnswer").asString();

        List<String> answers = quiz.responses().stream()
                .map(r -> r.path("response").path(qid).path("studentAnswer").asString(""))
                .toList();

        assertThat(answers)
                .hasSize(200)
                .allSatisfy(a -> assertThat(a).isNotBlank().doesNotContain(modelAnswer));
        assertThat(answers.stream().distinct()).hasSizeGreaterThan(1);
    }

    @Test
    void shouldMarkTheLastStudentsNotSubmitted() {
        List<JsonNode> rows = QuizGenerator.generate(spec(3)).responses();

        assertThat(rows).hasSize(40);
        assertThat(rows.subList(37, 40)).allSatisfy(r -> {
            assertThat(r.path("submissionStatus").asString()).isEqualTo("NOT_SUBMITTED");
            assertThat(r.get("response").isNull()).isTrue();
        });
        assertThat(rows.subList(0, 37))
                .allSatisfy(
                        r -> assertThat(r.path("submissionStatus").asString()).isEqualTo("SUBMITTED"));
    }

    @Test
    void shouldRejectUnsupportedTypes() {
        assertThatThrownBy(() -> GeneratedQuizSpec.builder("x").types("ESSAY").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldServeAGeneratedQuizNextToTheFixture() {
        try (FakeBackend backend = new FakeBackend().start()) {
            backend.loadSampleFixture();
            backend.generateQuiz(spec(5));

            JsonNode generated = TestHttp.json(TestHttp.get(
                    backend.baseUrl() + "/eval/quiz/gen-1/student", "API_KEY", FakeBackend.DEFAULT_API_KEY));
            JsonNode sample = TestHttp.json(TestHttp.get(
                    backend.baseUrl() + "/eval/quiz/" + SampleFixture.QUIZ_ID + "/student",
                    "API_KEY",
                    FakeBackend.DEFAULT_API_KEY));

            assertThat(generated.path("responses")).hasSize(40);
            assertThat(generated.path("responses").get(0).path("studentId").asString())
                    .isEqualTo(QuizGenerator.studentId("gen-1", 0));
            assertThat(sample.path("responses")).hasSize(3);
        }
    }
}
