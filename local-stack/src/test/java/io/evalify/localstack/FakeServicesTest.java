package io.evalify.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeServicesTest {

    @TempDir
    Path home;

    @Test
    void shouldAskForEphemeralPortsAGeneratedQuizAndAReadyFile() {
        FakeServices fakes = new FakeServices(new RepoLayout(home), null);

        List<String> command = fakes.command(new FakeServices.Demo("k", "quiz-9", 50), Path.of("/run/ready.json"));

        assertThat(String.join(" ", command))
                .contains("-jar " + home.resolve("fakes/target/fakes-0.1.0-SNAPSHOT-exec.jar"))
                .contains("--backend-port 0 --llm-port 0 --judge0-port 0 --api-key k")
                .contains("--generate-quiz quiz-9 --students 50 --questions 10 --types MCQ,MMCQ,TRUE_FALSE")
                .endsWith("--ready-file /run/ready.json");
    }

    @Test
    void shouldReplaceTheDemoQuizWithABenchWorkload() {
        FakeServices fakes = new FakeServices(new RepoLayout(home), null);
        List<String> workload = List.of("--generate-quiz", "b1", "--students", "10000", "--llm-latency", "fixed:500");

        List<String> command =
                fakes.command(new FakeServices.Demo("k", "quiz-9", 50), workload, Path.of("/run/ready.json"));

        assertThat(String.join(" ", command))
                .contains("--api-key k --generate-quiz b1 --students 10000 --llm-latency fixed:500")
                .doesNotContain("quiz-9")
                .endsWith("--ready-file /run/ready.json");
    }

    @Test
    void shouldReadTheReadyFileOnlyOnceComplete() throws Exception {
        Path ready = home.resolve("ready.json");
        assertThat(FakeServices.read(ready)).isEmpty();
        Files.writeString(ready, "{\"backend_url\":\"http://127.0.0.1:1/api/u");
        assertThat(FakeServices.read(ready)).isEmpty();

        Files.writeString(ready, """
                {"backend_url":"http://127.0.0.1:1/api/utils","llm_url":"http://127.0.0.1:2","judge0_url":"http://127.0.0.1:3"}""");

        assertThat(FakeServices.read(ready))
                .contains(new FakeServices.Urls(
                        "http://127.0.0.1:1/api/utils", "http://127.0.0.1:2", "http://127.0.0.1:3"));
    }
}
