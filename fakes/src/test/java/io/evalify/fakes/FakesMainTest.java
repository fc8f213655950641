package io.evalify.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.evalify.fakes.backend.BackendRoute;
import io.evalify.fakes.backend.Fixture;
import io.evalify.fakes.backend.GeneratedQuizSpec;
import io.evalify.fakes.backend.SampleFixture;
import io.evalify.fakes.common.TestHttp;
import io.evalify.schemas.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class FakesMainTest {

    @TempDir
    Path dir;

    @Test
    void shouldServeFixtureAndGeneratedQuizFromFlagsAndWriteTheReadyFile() throws IOException {
        Path fixture = dir.resolve("fixture.json");
        Files.writeString(fixture, Fixture.sample().toJson().toString());
        Path ready = dir.resolve("ready/fakes.json");
        FakesOptions options = FakesOptions.parse(
                "--fixture",
                fixture.toString(),
                "--generate-quiz",
                "gen-a",
                "--students",
                "4",
                "--questions",
                "3",
                "--seed",
                "9",
                "--types",
                "MCQ,TRUE_FALSE",
                "--api-key",
                "k",
                "--llm-latency",
                "fixed:1",
                "--llm-obedient",
                "--ready-file",
                ready.toString());

        try (FakesMain.Fakes fakes = FakesMain.start(options)) {
            FakesMain.writeReadyFile(ready, fakes);
            JsonNode urls = Json.mapper().readTree(ready);

            assertThat(urls.path("backend_url").asString())
                    .isEqualTo(fakes.backend().baseUrl())
                    .endsWith("/api/utils");
            assertThat(urls.path("llm_url").asString()).isEqualTo(fakes.llm().rootUrl());
            assertThat(urls.path("judge0_url").asString())
                    .isEqualTo(fakes.judge0().rootUrl());
            String students = urls.path("backend_url").asString() + "/eval/quiz/";
            assertThat(TestHttp.json(TestHttp.get(students + SampleFixture.QUIZ_ID + "/student", "API_KEY", "k"))
                            .path("responses"))
                    .hasSize(3);
            assertThat(TestHttp.json(TestHttp.get(students + "gen-a/question", "API_KEY", "k"))
                            .path("data"))
                    .extracting(q -> q.path("type").asString())
                    .containsExactly("MCQ", "TRUE_FALSE", "MCQ");
            assertThat(fakes.backend().requestCount(BackendRoute.QUESTIONS, "gen-a"))
                    .isEqualTo(1);
        }
    }

    @Test
    void shouldRejectUnknownFlagsAndOrphanQuizOptions() {
        assertThatThrownBy(() -> FakesOptions.parse("--nope", "1")).hasMessageContaining("unknown flag --nope");
        assertThatThrownBy(() -> FakesOptions.parse("--students", "3")).hasMessageContaining("--generate-quiz");
        assertThatThrownBy(() -> FakesOptions.parse("--backend-port")).hasMessageContaining("needs a value");
    }

    @Test
    void shouldApplyEachQuizOptionToTheLatestGeneratedQuiz() {
        FakesOptions options = FakesOptions.parse(
                "--generate-quiz", "a", "--students", "2", "--generate-quiz", "b", "--students", "5");

        assertThat(options.generatedSpecs())
                .extracting(s -> s.quizId() + ":" + s.students())
                .containsExactly("a:2", "b:5");
    }

    @Test
    void shouldGenerateAnswersThatAllNeedGradingOnlyWhenAsked() {
        FakesOptions options = FakesOptions.parse(
                "--generate-quiz",
                "a",
                "--answers",
                "graded",
                "--generate-quiz",
                "b",
                "--answers",
                "mixed",
                "--generate-quiz",
                "c");

        assertThat(options.generatedSpecs())
                .extracting(GeneratedQuizSpec::allAnswersGraded)
                .containsExactly(true, false, false);
        assertThatThrownBy(() -> FakesOptions.parse("--generate-quiz", "a", "--answers", "all"))
                .hasMessageContaining("mixed or graded");
    }
}
