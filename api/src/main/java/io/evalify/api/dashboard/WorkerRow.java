package io.evalify.api.dashboard;

import io.evalify.core.worker.WorkerHeartbeat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One worker instance as the lanes page shows it: its heartbeat with the health components flattened.
 *
 * @param instanceId the instance
 * @param host its host
 * @param status the overall health status
 * @param startedAt when it started
 * @param beatAt its last heartbeat
 * @param components each health component (nested ones as {@code parent/child}) with its status and details
 * @param lanes tasks in flight per lane on this instance
 */
record WorkerRow(
        String instanceId,
        String host,
        String status,
        Instant startedAt,
        Instant beatAt,
        List<Component> components,
        Map<String, WorkerHeartbeat.Lane> lanes) {

    /**
     * One health component.
     *
     * @param name its name
     * @param status its status
     * @param details its details as compact JSON, or empty
     */
    record Component(String name, String status, String details) {}

    static WorkerRow of(WorkerHeartbeat beat) {
        var components = new ArrayList<Component>();
        if (beat.health() != null) {
            flatten("", beat.health().path("components"), components);
        }
        return new WorkerRow(
                beat.instanceId(),
                beat.host(),
                beat.status(),
                beat.startedAt(),
                beat.beatAt(),
                components,
                beat.lanes() == null ? Map.of() : beat.lanes());
    }

    private static void flatten(String prefix, JsonNode components, List<Component> into) {
        for (var entry : components.properties()) {
            var node = entry.getValue();
            var name = prefix + entry.getKey();
            var details = node.path("details");
            into.add(new Component(
                    name, node.path("status").asString("UNKNOWN"), details.isMissingNode() ? "" : details.toString()));
            if (node.has("components")) {
                flatten(name + "/", node.path("components"), into);
            }
        }
    }
}
