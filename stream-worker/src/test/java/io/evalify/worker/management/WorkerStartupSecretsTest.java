package io.evalify.worker.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.evalify.core.backend.BackendProperties;
import io.evalify.core.security.InsecureConfigurationException;
import io.evalify.worker.WorkerApplication;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/**
 * A stock worker outside the local and test profiles refuses to start with a secret anyone could guess, and says
 * which property to fix. It fails while its web server is created, before it reaches Kafka, Redis or the backend
 * (this test points all of them at closed ports).
 */
class WorkerStartupSecretsTest {

    private static final String STRONG = "9e2d4c6b8a0f1e3d5c7b9a1f3e5d7c9b";

    @ParameterizedTest
    @CsvSource({
        "evalify.backend.api-key, api_key, is a well-known default",
        "evalify.backend.api-key, '', is blank",
        "evalify.backend.api-key, short-key, is shorter than 16 characters",
        "evalify.worker.management.key, api_key, is a well-known default",
        "evalify.worker.management.key, metrics, is shorter than 16 characters",
        "evalify.worker.management.keys.next, changeme, is a well-known default",
    })
    void shouldRefuseToStartInProductionWithAnUnfitSecret(String property, String value, String reason) {
        assertThatThrownBy(() -> start("--" + property + "=" + value))
                .rootCause()
                .isInstanceOfSatisfying(
                        InsecureConfigurationException.class,
                        e -> assertThat(e.property()).isEqualTo(property))
                .hasMessageContaining(reason)
                .hasMessageNotContaining(value.isEmpty() ? "\u0000" : value);
    }

    @ParameterizedTest
    @CsvSource({"local", "test"})
    void shouldAcceptDefaultAndShortKeysInTheLocalAndTestProfiles(String profile) {
        var environment = new MockEnvironment();
        environment.setActiveProfiles(profile);
        var backend = new BackendProperties(
                "http://127.0.0.1:1",
                "api_key",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                0,
                Duration.ZERO,
                1,
                Duration.ofSeconds(1));
        var management = new ManagementProperties("short", Map.of("next", "api_key"));

        WorkerSecretsCheck.require(environment, backend, management);

        environment.setActiveProfiles("production");
        assertThatThrownBy(() -> WorkerSecretsCheck.require(environment, backend, management))
                .isInstanceOf(InsecureConfigurationException.class);
    }

    /**
     * Starts the worker (closing it again should it start); a later {@code --name=value} replaces an earlier one.
     * No management key is set: the endpoints are closed then, which is no reason to refuse.
     */
    private static void start(String... overrides) {
        var args = new LinkedHashMap<String, String>();
        Stream.concat(
                        Stream.of(
                                "--spring.profiles.active=production",
                                "--spring.config.name=" + WorkerApplication.CONFIG_NAME,
                                "--server.port=0",
                                "--spring.main.banner-mode=off",
                                "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                                "--spring.data.redis.port=1",
                                "--evalify.backend.base-url=http://127.0.0.1:1/api/utils",
                                "--evalify.backend.api-key=" + STRONG),
                        Stream.of(overrides))
                .forEach(arg -> args.put(arg.substring(0, arg.indexOf('=')), arg));
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(WorkerApplication.class)
                .run(args.values().toArray(String[]::new))) {
            // started: closed again at once
        }
    }
}
