package io.evalify.worker.lane;

import io.evalify.worker.config.WorkerProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the lanes' call stage around the one {@link RecordHandler} (the task feature's) and its health. */
@Configuration(proxyBeanMethods = false)
class LaneConfiguration {

    @Bean
    LaneConsumers laneConsumers(
            KafkaProperties kafka, WorkerProperties properties, RecordHandler handler, MeterRegistry registry) {
        return new LaneConsumers(kafka.buildConsumerProperties(), properties, handler, registry);
    }

    @Bean
    HealthIndicator lanesHealthIndicator(LaneConsumers lanes) {
        return LaneHealth.of(lanes);
    }
}
