package io.evalify.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselinesTest {

    @TempDir
    Path home;

    @Test
    void shouldReadTheSecondsOfTheLastJsonLine() {
        List<String> output = List.of(
                "starting redis on 127.0.0.1:40541",
                "{\"progress\": 5000}",
                "{\"system\": \"rq\", \"scenario\": \"S2\", \"students\": 10000, \"seconds\": 412.5, \"failed\": 0}",
                "");

        assertThat(Baselines.parse(output)).contains(412.5);
    }

    @Test
    void shouldFindNothingWithoutAResultLine() {
        assertThat(Baselines.parse(List.of("Traceback (most recent call last):", "{not json")))
                .isEmpty();
    }

    @Test
    void shouldSayBaselineNotAvailableWhenTheScriptIsMissing() {
        Baselines baselines = new Baselines(home, home, Duration.ofMinutes(1));

        List<BaselineResult> results = baselines.run(Scenario.S1, 100, 20.0);

        assertThat(baselines.available()).isFalse();
        assertThat(results).extracting(BaselineResult::system).containsExactly("rq", "celery");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.seconds()).isNull();
            assertThat(r.render()).startsWith("n/a (baseline not available");
        });
    }

    @Test
    void shouldRunTheScriptWithSystemScenarioAndStudentsAndCompareWithOurTime() throws IOException {
        Path script = home.resolve("bench/baselines/run_baseline.sh");
        Files.createDirectories(script.getParent());
        Files.writeString(script, """
                echo "args: $*"
                echo '{"system": "'$1'", "scenario": "'$2'", "students": '$4', "seconds": 40}'
                """);

        List<BaselineResult> results = new Baselines(home, home, Duration.ofMinutes(1)).run(Scenario.S2, 300, 10.0);

        assertThat(results).extracting(BaselineResult::seconds).containsExactly(40.0, 40.0);
        assertThat(results).extracting(BaselineResult::ratio).containsExactly(4.0, 4.0);
        assertThat(results.getFirst().render()).isEqualTo("40 s (4x)");
        assertThat(Files.readString(home.resolve("baseline-celery-S2.log"))).contains("args: celery S2 --students 300");
    }
}
