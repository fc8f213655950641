package io.evalify.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

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

    private static ApiProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("evalify.api", ApiProperties.class);
    }
}
