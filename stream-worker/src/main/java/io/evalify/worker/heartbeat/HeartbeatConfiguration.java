package io.evalify.worker.heartbeat;

import io.evalify.worker.config.WorkerProperties;
import io.evalify.worker.lane.LaneConsumers;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Wires the heartbeat that shows this instance on the dashboard's lanes page. */
@Configuration(proxyBeanMethods = false)
class HeartbeatConfiguration {

    /** Often enough that a page reload shows a stopped instance within seconds; a beat costs two Redis writes. */
    static final Duration INTERVAL = Duration.ofSeconds(5);

    @Bean
    HeartbeatPublisher heartbeatPublisher(
            StringRedisTemplate redis,
            HealthEndpoint health,
            LaneConsumers lanes,
            WorkerProperties properties,
            KafkaProperties kafka,
            Clock clock) {
        return new HeartbeatPublisher(
                redis, health, lanes, properties, kafka.getStreams().getApplicationId(), INTERVAL, clock);
    }
}
