package io.evalify.grading.judge0;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.evalify.fakes.judge0.FakeJudge0;
import io.evalify.grading.RemoteCallException;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The Judge0 client against the fake Judge0 over HTTP (the old evaluator's Judge0 client tests, plus error
 * classification).
 */
class Judge0ClientTest {

    @AutoClose
    private final FakeJudge0 judge0 = new FakeJudge0().start();

    private final Judge0Client client =
            new Judge0Client(new Judge0Config("127.0.0.1:" + judge0.port(), Duration.ofSeconds(5)));

    @Test
    void shouldPostToSubmissionsWithWaitAndReturnStdoutUnchanged() {
        judge0.registerStdout("print(42)", "", "42\n");
        Judge0Result result = client.run(new Judge0Submission("print(42)", 71, "", null, null));
        assertThat(result.stdout()).isEqualTo("42\n");
        assertThat(result.accepted()).isTrue();
        assertThat(judge0.submissions()).hasSize(1);
    }

    @Test
    void shouldReportRuntimeErrorsAsDataNotExceptions() {
        Judge0Result result = client.run(new Judge0Submission("unknown()", 71, "", 2.0, 131072));
        assertThat(result.statusId()).isEqualTo(11);
        assertThat(result.accepted()).isFalse();
    }

    @Test
    void shouldThrowNonRetryableOnAClientError() {
        assertThatThrownBy(() -> client.run(new Judge0Submission(null, 71, "", null, null)))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(422);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("source_code");
                });
    }

    @Test
    void shouldThrowRetryableOnServerErrors() {
        judge0.faults().error500Rate(1.0);
        assertThatThrownBy(() -> client.run(new Judge0Submission("x", 71, "", null, null)))
                .isInstanceOfSatisfying(
                        RemoteCallException.class,
                        e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void shouldThrowRetryableOnTimeout() {
        judge0.faults().hang(Duration.ofSeconds(30));
        Judge0Client impatient = new Judge0Client(new Judge0Config(judge0.rootUrl(), Duration.ofMillis(300)));
        assertThatThrownBy(() -> impatient.run(new Judge0Submission("x", 71, "", null, null)))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.statusCode()).isZero();
                });
    }

    @Test
    void shouldThrowRetryableWhenUnreachable() {
        Judge0Client nowhere = new Judge0Client(new Judge0Config("http://127.0.0.1:1", Duration.ofSeconds(2)));
        assertThatThrownBy(() -> nowhere.run(new Judge0Submission("x", 71, "", null, null)))
                .isInstanceOfSatisfying(
                        RemoteCallException.class,
                        e -> assertThat(e.retryable()).isTrue());
    }
}
