package io.evalify.schemas.deadletter;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.evalify.schemas.task.TaskEvent;
import java.time.Instant;

/**
 * Value of a record on the dead-letter topic. The original record's key, value and headers are kept
 * too (as the record's own key and headers), so an operator can replay it as it was.
 * Schema: {@code schemas/dead-letter.schema.json}.
 *
 * @param task the task, or null when the original value was not a valid task (poison record)
 * @param rawValue the original value as text, set only for poison records
 * @param failure why the task was dead-lettered
 * @param source where the original record was read
 * @param deadLetteredAt when it was dead-lettered
 */
public record DeadLetter(
        @JsonProperty("task") TaskEvent task,
        @JsonProperty("raw_value") String rawValue,
        @JsonProperty("failure") TaskFailure failure,
        @JsonProperty("source") Source source,
        @JsonProperty("dead_lettered_at") Instant deadLetteredAt) {

    /**
     * Where a record came from.
     *
     * @param topic original topic
     * @param partition original partition
     * @param offset original offset
     */
    public record Source(
            @JsonProperty("topic") String topic,
            @JsonProperty("partition") int partition,
            @JsonProperty("offset") long offset) {}
}
