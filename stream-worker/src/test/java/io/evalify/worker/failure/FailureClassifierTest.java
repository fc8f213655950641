package io.evalify.worker.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.core.backend.BackendException;
import io.evalify.core.job.JobNotFoundException;
import io.evalify.grading.RemoteCallException;
import io.evalify.worker.failure.FailureClassifier.Failure.Kind;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;

class FailureClassifierTest {

    @Test
    void shouldRetryBackendServerErrorsRateLimitsAndSilence() {
        assertThat(kindOf(backend(500))).isEqualTo(Kind.RETRYABLE);
        assertThat(kindOf(backend(503))).isEqualTo(Kind.RETRYABLE);
        assertThat(kindOf(backend(429))).isEqualTo(Kind.RETRYABLE);
        assertThat(kindOf(backend(408))).isEqualTo(Kind.RETRYABLE);
        assertThat(kindOf(backend(0))).isEqualTo(Kind.RETRYABLE);
    }

    @Test
    void shouldDeadLetterBackendClientErrorsAtOnce() {
        var missing = FailureClassifier.classify(backend(404));
        assertThat(missing.kind()).isEqualTo(Kind.FATAL);
        assertThat(missing.type()).isEqualTo("BACKEND_NOT_FOUND");
        assertThat(kindOf(backend(401))).isEqualTo(Kind.FATAL);
    }

    @Test
    void shouldKeepTheRemoteRetryAfterHintOfAnLlmRateLimit() {
        var failure = FailureClassifier.classify(
                new RemoteCallException("llm", 429, true, Duration.ofSeconds(7), "slow down", null));
        assertThat(failure.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(failure.type()).isEqualTo("LLM_HTTP_429");
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void shouldTreatPoisonRecordsAndUnknownJobsAsFatal() {
        assertThat(kindOf(new SerializationException("bad"))).isEqualTo(Kind.FATAL);
        assertThat(kindOf(new JobNotFoundException("j"))).isEqualTo(Kind.FATAL);
    }

    @Test
    void shouldRetryATaskThatRanPastItsDeadline() {
        assertThat(FailureClassifier.classify(new TimeoutException("late")).type())
                .isEqualTo("TASK_TIMEOUT");
    }

    @Test
    void shouldNotBlameTheTaskWhenRedisIsDown() {
        assertThat(kindOf(new RedisConnectionFailureException("down"))).isEqualTo(Kind.INFRASTRUCTURE);
    }

    private static Kind kindOf(Throwable error) {
        return FailureClassifier.classify(error).kind();
    }

    private static BackendException backend(int status) {
        return new BackendException("GET /eval/quiz/{id}/student/{sid}", status, "boom", null);
    }
}
