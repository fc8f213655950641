package io.evalify.core.worker;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.evalify.schemas.Json;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What one worker instance publishes about itself every few seconds (Redis key
 * {@link io.evalify.core.job.JobKeys#workerHeartbeat}, expiring when the beats stop), so the dashboard shows each
 * instance's health without reaching its port. The worker writes it, the API reads it: this record is the shape
 * both agree on.
 *
 * @param instanceId a unique id per running process
 * @param host the host name it runs on
 * @param startedAt when the process started
 * @param beatAt when this beat was written
 * @param health the worker's health endpoint's answer as it is (status, components and their details)
 * @param lanes per lane (by name): tasks in flight here, the window size, and the consumer group and topic
 * @param routerApplicationId the router's Kafka Streams application id (its consumer group)
 * @param llmLimit the global LLM concurrency limit the worker applies, or 0 when it does not say
 */
public record WorkerHeartbeat(
        @JsonProperty("instance_id") String instanceId,
        @JsonProperty("host") String host,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("beat_at") Instant beatAt,
        @JsonProperty("health") JsonNode health,
        @JsonProperty("lanes") Map<String, Lane> lanes,
        @JsonProperty("router_application_id") String routerApplicationId,
        @JsonProperty("llm_limit") int llmLimit) {

    /**
     * One lane on one instance.
     *
     * @param inFlight tasks in progress now
     * @param capacity the most tasks in flight at once
     * @param group the lane's consumer group
     * @param topic the lane's topic
     */
    public record Lane(
            @JsonProperty("in_flight") int inFlight,
            @JsonProperty("capacity") int capacity,
            @JsonProperty("group") String group,
            @JsonProperty("topic") String topic) {}

    /** The overall status the health endpoint reported ({@code UP}, {@code DOWN}, …), or {@code UNKNOWN}. */
    public String status() {
        return health == null || !health.has("status")
                ? "UNKNOWN"
                : health.get("status").asString();
    }

    /** As stored. */
    public String toJson() {
        return Json.mapper().writeValueAsString(this);
    }

    /** Reads a stored beat. */
    public static WorkerHeartbeat fromJson(String json) {
        return Json.mapper().readValue(json, WorkerHeartbeat.class);
    }
}
