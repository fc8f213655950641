package io.evalify.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.evalify.api.ApiApplication;
import io.evalify.api.TestProperties;
import io.evalify.core.backend.BackendProperties;
import io.evalify.core.security.InsecureConfigurationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/**
 * A stock API jar outside the local and test profiles refuses to start with a key anyone could guess, and says
 * which property to fix. The context fails before the server accepts a request (and before Kafka or Redis is
 * reached: this test points both at closed ports).
 */
class StartupSecretsTest {

    private static final String STRONG = "0f6c3e2a9b8d47f1a5c2e9d04b7a6f13";

    @Test
    void shouldRefuseToStartInProductionWithTheDefaultApiKey() {
        assertThatThrownBy(() -> start("--evalify.backend.api-key=" + STRONG))
                .rootCause()
                .isInstanceOfSatisfying(
                        InsecureConfigurationException.class,
                        e -> assertThat(e.property()).isEqualTo("evalify.api.api-key"))
                .hasMessageContaining("is a well-known default");
    }

    @ParameterizedTest
    @CsvSource({
        "evalify.api.api-key, '', is blank",
        "evalify.api.api-key, short-key, is shorter than 16 characters",
        "evalify.backend.api-key, evalify_api_key, is a well-known default",
        "evalify.api.api-keys.ui, api_key, is a well-known default",
    })
    void shouldNameThePropertyOfEveryUnfitSecret(String property, String value, String reason) {
        assertThatThrownBy(() -> start(
                        "--evalify.api.api-key=" + STRONG,
                        "--evalify.backend.api-key=" + STRONG,
                        "--" + property + "=" + value))
                .rootCause()
                .isInstanceOfSatisfying(
                        InsecureConfigurationException.class,
                        e -> assertThat(e.property()).isEqualTo(property))
                .hasMessageContaining(reason)
                .hasMessageNotContaining(value.isEmpty() ? "\u0000" : value);
    }

    @Test
    void shouldTakeAnEmptyNamedKeyForNoKey() {
        var api = TestProperties.withApiKeys(STRONG, Map.of("monitoring", "", "ui", "api_key"));

        assertThat(ApiKeys.configured(api)).containsOnlyKeys("evalify.api.api-key", "evalify.api.api-keys.ui");
        assertThat(new ApiKeys(api).verify("")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"local", "test"})
    void shouldAcceptShortAndDefaultKeysInTheLocalAndTestProfiles(String profile) {
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

        new SecretsCheck(environment, TestProperties.withMaxStudents(1), backend);

        environment.setActiveProfiles("production");
        assertThatThrownBy(() -> new SecretsCheck(environment, TestProperties.withMaxStudents(1), backend))
                .isInstanceOf(InsecureConfigurationException.class);
    }

    /** Starts the API; a later {@code --name=value} replaces an earlier one (Spring would join them). */
    private static ConfigurableApplicationContext start(String... overrides) {
        var args = new LinkedHashMap<String, String>();
        Stream.concat(
                        Stream.of(
                                "--spring.profiles.active=production",
                                "--server.port=0",
                                "--spring.main.banner-mode=off",
                                "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                                "--spring.data.redis.port=1"),
                        Stream.of(overrides))
                .forEach(arg -> args.put(arg.substring(0, arg.indexOf('=')), arg));
        return new SpringApplicationBuilder(ApiApplication.class)
                .run(args.values().toArray(String[]::new));
    }
}
