package io.evalify.schemas.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Where a job's completion callback stands ({@code job-status.schema.json#/$defs/callback/properties/status}). */
public enum CallbackStatus {
    /** The job has not finished, or the first attempt has not been made. */
    @JsonProperty("pending")
    PENDING,
    /** An attempt failed; another follows at {@code next_attempt_at}. */
    @JsonProperty("retrying")
    RETRYING,
    /** The receiver answered 2xx. */
    @JsonProperty("delivered")
    DELIVERED,
    /** The dead end: refused by the receiver, every attempt failed, or the host is no longer allowed. */
    @JsonProperty("failed")
    FAILED;

    /** The name as the schema and the job hash write it. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether no further attempt will be made. */
    public boolean isSettled() {
        return this == DELIVERED || this == FAILED;
    }
}
