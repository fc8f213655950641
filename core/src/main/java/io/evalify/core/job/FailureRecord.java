package io.evalify.core.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.evalify.schemas.Json;
import io.evalify.schemas.deadletter.TaskFailure;
import io.evalify.schemas.task.TaskEvent;

/**
 * One entry of a job's failed registry in Redis: why the student failed, the task to publish again on a
 * requeue, and where its dead letter is.
 *
 * @param task the failed task
 * @param failure the last failure
 * @param deadLetter where the dead letter was written
 */
public record FailureRecord(
        @JsonProperty("task") TaskEvent task,
        @JsonProperty("failure") TaskFailure failure,
        @JsonProperty("dead_letter") Location deadLetter) {

    /**
     * A record's position.
     *
     * @param topic topic
     * @param partition partition
     * @param offset offset
     */
    public record Location(
            @JsonProperty("topic") String topic,
            @JsonProperty("partition") int partition,
            @JsonProperty("offset") long offset) {}

    /** As stored in Redis. */
    public String toJson() {
        return Json.mapper().writeValueAsString(this);
    }

    /** Reads a stored entry. */
    public static FailureRecord fromJson(String json) {
        return Json.mapper().readValue(json, FailureRecord.class);
    }
}
