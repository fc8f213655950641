package io.evalify.worker.lane;

import io.evalify.worker.config.WorkerProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the lanes' call stage around the one {@link RecordHandler} (the task feature's) and its health: {@code lanes}
 * in the readiness group, {@code laneLiveness} in the liveness group (see the worker's configuration file).
 */
@Configuration(proxyBeanMethods = false)
class LaneConfiguration {

    @Bean
    LaneConsumers laneConsumers(
            KafkaProperties kafka,
            WorkerProperties properties,
            RecordHandler handler,
            MeterRegistry registry,
            Clock clock) {
        return new LaneConsumers(kafka.buildConsumerProperties(), properties, handler, registry, clock);
    }

    @Bean
    HealthIndicator lanesHealthIndicator(LaneConsumers lanes) {
        return LaneHealth.readiness(lanes);
    }

    @Bean
    HealthIndicator laneLivenessHealthIndicator(LaneConsumers lanes, WorkerProperties properties, Clock clock) {
        return LaneHealth.liveness(lanes, properties.laneRecovery().livenessLimit(), clock);
    }
}
