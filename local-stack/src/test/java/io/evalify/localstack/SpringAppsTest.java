package io.evalify.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SpringAppsTest {

    @Test
    void shouldConfigureBothAppsThroughTheAgreedEnvironmentVariables() {
        Endpoints endpoints = new Endpoints(
                6400,
                "127.0.0.1:9092",
                new LocalSettings.External("http://127.0.0.1:1/api/utils", "backend-key"),
                new LocalSettings.Llm("http://127.0.0.1:2", "llm-key", null),
                "http://127.0.0.1:3",
                "http://127.0.0.1:8080",
                "http://127.0.0.1:8081",
                "api-key");

        Map<String, String> env = SpringApps.environment(endpoints, 8080);

        assertThat(env)
                .containsEntry("SERVER_PORT", "8080")
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("SPRING_DATA_REDIS_HOST", "127.0.0.1")
                .containsEntry("SPRING_DATA_REDIS_PORT", "6400")
                .containsEntry("EVALIFY_BACKEND_BASE_URL", "http://127.0.0.1:1/api/utils")
                .containsEntry("EVALIFY_BACKEND_API_KEY", "backend-key")
                .containsEntry("EVALIFY_API_API_KEY", "api-key")
                .containsEntry("EVALIFY_WORKER_MANAGEMENT_KEY", "api-key")
                .containsEntry("EVALIFY_LLM_BASE_URL", "http://127.0.0.1:2")
                .containsEntry("EVALIFY_LLM_API_KEY", "llm-key")
                .containsEntry("EVALIFY_JUDGE0_BASE_URL", "http://127.0.0.1:3")
                .doesNotContainKey("EVALIFY_LLM_MODEL");
    }
}
