package io.evalify.worker.lane;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Health of the lanes' call stage, for the readiness probe. */
final class LaneHealth {

    private LaneHealth() {}

    /** UP while every lane's call stage polls. */
    static HealthIndicator of(LaneConsumers lanes) {
        return () -> (lanes.isRunning() ? Health.up() : Health.down())
                .withDetail("inFlight", lanes.inFlight())
                .build();
    }
}
