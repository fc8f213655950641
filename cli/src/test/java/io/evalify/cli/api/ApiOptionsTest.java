package io.evalify.cli.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.cli.CliContext;
import io.evalify.cli.CurrentRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiOptionsTest {

    @TempDir
    Path home;

    private final ApiOptions options = new ApiOptions();

    @Test
    void shouldDefaultToLocalhost8080WithoutKey() {
        ApiTarget target = options.resolve(context(Map.of()));

        assertThat(target.baseUrl()).hasToString(ApiOptions.DEFAULT_URL);
        assertThat(target.apiKey()).isNull();
    }

    @Test
    void shouldPreferOptionsOverEnvironmentOverTheLocalRun() {
        liveLocalRun("http://127.0.0.1:9000");
        CliContext context = context(Map.of("EVALIFY_API_URL", "http://127.0.0.1:7000/", "EVALIFY_API_KEY", "env"));

        assertThat(options.resolve(context).baseUrl()).hasToString("http://127.0.0.1:7000");
        options.url = "http://127.0.0.1:6000";
        options.apiKey = "flag";
        assertThat(options.resolve(context))
                .isEqualTo(new ApiTarget(java.net.URI.create("http://127.0.0.1:6000"), "flag"));
    }

    @Test
    void shouldFindTheApiAndKeyOfARunningLocalStack() {
        liveLocalRun("http://127.0.0.1:9000");

        ApiTarget target = options.resolve(context(Map.of()));

        assertThat(target.baseUrl()).hasToString("http://127.0.0.1:9000");
        assertThat(target.apiKey()).isEqualTo("local-key");
    }

    @Test
    void shouldIgnoreTheLocalRunPointerOfADeadProcess() {
        new CurrentRun("http://127.0.0.1:9000", "local-key", "run", Long.MAX_VALUE, null)
                .write(context(Map.of()).localRoot());

        assertThat(options.resolve(context(Map.of())).baseUrl()).hasToString(ApiOptions.DEFAULT_URL);
    }

    @Test
    void shouldNeverPrintTheKey() {
        ApiTarget target = new ApiTarget(java.net.URI.create("http://h:1"), "secret-key-123456");

        assertThat(target.toString()).doesNotContain("secret-key").endsWith("****3456)");
        assertThat(Secrets.mask("short")).isEqualTo("****");
        assertThat(Secrets.mask(null)).isEqualTo("<none>");
    }

    private void liveLocalRun(String url) {
        new CurrentRun(url, "local-key", "run", ProcessHandle.current().pid(), null)
                .write(context(Map.of()).localRoot());
    }

    private CliContext context(Map<String, String> env) {
        return new CliContext(env, home, false, Duration.ofMillis(10));
    }
}
