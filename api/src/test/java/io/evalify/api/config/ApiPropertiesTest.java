package io.evalify.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code evalify.api.*} bound the way the application binds it. */
class ApiPropertiesTest {

    @Test
    void shouldAllowNoCallbackByDefault() {
        var properties = bind(Map.of());
        assertThat(properties.callback().allowedHosts()).isEmpty();
        assertThat(properties.callbackSecret()).isEmpty();
    }

    @Test
    void shouldRefuseToStartWhenCallbacksAreAllowedWithoutASecret() {
        assertThatThrownBy(() -> bind(Map.of("evalify.api.callback.allowed-hosts", "hooks.example.edu")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("evalify.api.callback-secret must be set");
    }

    @Test
    void shouldTreatAnEmptyHostListFromTheEnvironmentAsNoCallbacks() {
        var properties = bind(Map.of("evalify.api.callback.allowed-hosts", ""));
        assertThat(properties.callback().allowedHosts()).isEmpty();
    }

    @Test
    void shouldBindTheAllowedHostsWithTheirSecret() {
        var properties = bind(Map.of(
                "evalify.api.callback.allowed-hosts", "hooks.example.edu,*.lms.example.edu",
                "evalify.api.callback-secret", "s3cret"));
        assertThat(properties.callback().allowedHosts()).containsExactly("hooks.example.edu", "*.lms.example.edu");
        assertThat(properties.toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldBindNamedKeysFromTheEnvironmentAsComposePassesThem() {
        var environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("EVALIFY_API_API_KEY", "primary-key-value", "EVALIFY_API_APIKEYS_MONITORING", "m0n1t0r"));
        var properties = new Binder(ConfigurationPropertySources.from(environment))
                .bindOrCreate("evalify.api", ApiProperties.class);

        assertThat(properties.apiKey()).isEqualTo("primary-key-value");
        assertThat(properties.apiKeys()).containsExactly(Map.entry("monitoring", "m0n1t0r"));
        assertThat(properties.toString()).doesNotContain("primary-key-value", "m0n1t0r");
    }

    private static ApiProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("evalify.api", ApiProperties.class);
    }
}
