package io.evalify.worker.routing;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** Health of the routing topology, for the readiness probe (Redis has Boot's own indicator). */
final class RouterHealth {

    private RouterHealth() {}

    /** UP while the routing topology runs or rebalances; DOWN when it has stopped or failed. */
    static HealthIndicator of(StreamsBuilderFactoryBean factory) {
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
}
