package io.evalify.worker.health;

import io.evalify.worker.execution.LaneConsumers;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** Health of the worker's two Kafka parts, for the readiness probe (Redis has Boot's own indicator). */
public final class WorkerHealth {

    private WorkerHealth() {}

    /** UP while the routing topology runs or rebalances; DOWN when it has stopped or failed. */
    public static HealthIndicator kafkaStreams(StreamsBuilderFactoryBean factory) {
        return () -> {
            KafkaStreams streams = factory.getKafkaStreams();
            if (streams == null) {
                return Health.down().withDetail("state", "NOT_STARTED").build();
            }
            var state = streams.state();
            var builder = state.isRunningOrRebalancing() ? Health.up() : Health.down();
            return builder.withDetail("state", state.name()).build();
        };
    }

    /** UP while every lane's call stage polls. */
    public static HealthIndicator lanes(LaneConsumers lanes) {
        return () -> (lanes.isRunning() ? Health.up() : Health.down())
                .withDetail("inFlight", lanes.inFlight())
                .build();
    }
}
