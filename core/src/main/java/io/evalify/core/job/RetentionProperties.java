package io.evalify.core.job;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention of finished jobs ({@code evalify.retention.*}), like RQ's registries: the API and the worker both
 * end jobs, so both read the same settings.
 *
 * @param finished how long a cleanly finished job stays readable (RQ's result_ttl)
 * @param failed how long a job with failures stays readable (RQ's failure_ttl)
 * @param idempotencyKeys how long an Idempotency-Key is remembered
 */
@ConfigurationProperties("evalify.retention")
public record RetentionProperties(
        @DefaultValue("7d") Duration finished,
        @DefaultValue("30d") Duration failed,
        @DefaultValue("1d") Duration idempotencyKeys) {

    /** As the store's type. */
    public JobRetention toJobRetention() {
        return new JobRetention(finished, failed, idempotencyKeys);
    }
}
