package io.evalify.worker.lane;

import io.evalify.schemas.task.TaskLane;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the lanes' call stage. Readiness ({@link #readiness}) is DOWN while any lane is not polling its broker,
 * so no traffic is routed to a worker that cannot make progress; liveness ({@link #liveness}) is DOWN only when a
 * lane has stayed recovering or dead longer than the limit, so an orchestrator restarts a worker that did not heal
 * by itself but not one riding out a short outage.
 */
final class LaneHealth {

    private LaneHealth() {}

    /** UP while every lane runs; each lane's state, since when, last contact with the broker, in flight and lag. */
    static HealthIndicator readiness(LaneConsumers lanes) {
        return () -> {
            var status = lanes.statusByLane();
            boolean up = lanes.isRunning()
                    && !status.isEmpty()
                    && status.values().stream().allMatch(s -> s.state() == LaneState.RUNNING);
            return (up ? Health.up() : Health.down())
                    .withDetail("inFlight", lanes.inFlight())
                    .withDetail("lanes", details(lanes, status))
                    .build();
        };
    }

    /** DOWN once a lane has been recovering, starting or dead for longer than {@code limit}. */
    static HealthIndicator liveness(LaneConsumers lanes, Duration limit, Clock clock) {
        return () -> {
            var now = clock.instant();
            var stuck = new LinkedHashMap<String, Object>();
            lanes.statusByLane().forEach((lane, s) -> {
                boolean unhealthy = s.state() != LaneState.RUNNING && s.state() != LaneState.STOPPED;
                if (unhealthy && s.age(now).compareTo(limit) > 0) {
                    stuck.put(name(lane), s.state() + " for " + s.age(now).withNanos(0));
                }
            });
            return (stuck.isEmpty() ? Health.up() : Health.down())
                    .withDetail("limit", limit.toString())
                    .withDetail("stuck", stuck)
                    .build();
        };
    }

    private static Map<String, Object> details(LaneConsumers lanes, Map<TaskLane, LaneStatus.Snapshot> status) {
        var inFlight = lanes.inFlightByLane();
        var details = new LinkedHashMap<String, Object>();
        status.forEach((lane, s) -> {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("state", s.state().name());
            entry.put("since", s.since().toString());
            entry.put(
                    "lastPoll",
                    s.lastContact() == null ? "never" : s.lastContact().toString());
            entry.put("inFlight", inFlight.getOrDefault(lane, 0));
            entry.put("lag", s.lag());
            if (s.lastError() != null) {
                entry.put("error", s.lastError());
            }
            details.put(name(lane), entry);
        });
        return details;
    }

    private static String name(TaskLane lane) {
        return lane.name().toLowerCase(Locale.ROOT);
    }
}
