package io.evalify.api.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.evalify.api.TestProperties;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackPolicyTest {

    private final CallbackPolicy policy = new CallbackPolicy(TestProperties.withCallbackHosts(List.of(
            "Hooks.Evalify.test", "*.school.example", "[::1]", "10.0.0.7", "lms.evalify.test:8443", "[::2]:9000")));

    @Test
    void shouldAllowListedHostsWhateverTheirCaseTrailingDotOrPath() {
        assertThat(policy.allows("https://hooks.evalify.test/done")).isTrue();
        assertThat(policy.allows("http://HOOKS.evalify.test./a?b=c")).isTrue();
        assertThat(policy.allows("http://10.0.0.7/x")).isTrue();
        assertThat(policy.allows("https://[::1]/x")).isTrue();
    }

    @Test
    void shouldAllowOnlyTheSchemesOwnPortOnAHostListedWithoutOne() {
        assertThat(policy.allows("https://hooks.evalify.test:443/done")).isTrue();
        assertThat(policy.allows("http://hooks.evalify.test:80/done")).isTrue();
        assertThat(policy.allows("http://hooks.evalify.test:6379/")).isFalse();
        assertThat(policy.allows("http://hooks.evalify.test:8443/")).isFalse();
        assertThat(policy.allows("http://hooks.evalify.test:443/")).isFalse();
        assertThat(policy.allows("http://[::1]:9000/x")).isFalse();
        assertThat(policy.allows("https://lms.school.example:9092/cb")).isFalse();
    }

    @Test
    void shouldAllowTheListedPortOfAHostListedWithOne() {
        assertThat(policy.allows("https://lms.evalify.test:8443/cb")).isTrue();
        assertThat(policy.allows("https://lms.evalify.test/cb")).isTrue();
        assertThat(policy.allows("https://lms.evalify.test:8444/cb")).isFalse();
        assertThat(policy.allows("http://[::2]:9000/x")).isTrue();
        assertThat(policy.allows("http://[::2]:9001/x")).isFalse();
    }

    @Test
    void shouldAllowSubdomainsOfAWildcardButNotItsApex() {
        assertThat(policy.allows("https://lms.school.example/cb")).isTrue();
        assertThat(policy.allows("https://a.b.school.example/cb")).isTrue();
        assertThat(policy.allows("https://school.example/cb")).isFalse();
        assertThat(policy.allows("https://evilschool.example/cb")).isFalse();
    }

    @Test
    void shouldRefuseOtherHostsIncludingOnesHiddenBehindUserInfo() {
        assertThat(policy.allows("http://169.254.169.254/latest/meta-data/")).isFalse();
        assertThat(policy.allows("http://localhost:6379/")).isFalse();
        assertThat(policy.allows("http://hooks.evalify.test@169.254.169.254/")).isFalse();
        assertThat(policy.allows("http://hooks.evalify.test.attacker.example/")).isFalse();
    }

    @Test
    void shouldRefuseWhatHasNoHost() {
        assertThat(policy.allows("not a url")).isFalse();
        assertThat(policy.allows("http://")).isFalse();
        assertThat(policy.allows("mailto:a@hooks.evalify.test")).isFalse();
    }

    @Test
    void shouldRefuseEveryCallbackWhenNoHostIsListed() {
        var none = new CallbackPolicy(TestProperties.withCallbackHosts(List.of()));
        assertThat(none.allows("http://127.0.0.1/done")).isFalse();
    }

    @Test
    void shouldRefuseToStartWithAnEntryWhosePortIsNoPort() {
        assertThatThrownBy(
                        () -> new CallbackPolicy(TestProperties.withCallbackHosts(List.of("hooks.example.edu:99999"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evalify.api.callback.allowed-hosts")
                .hasMessageContaining("hooks.example.edu:99999");
    }
}
