package io.evalify.worker.routing;

import io.evalify.worker.config.WorkerProperties;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** Wires the Kafka Streams router: its topology, the replacement of dead stream threads and its health. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class RoutingConfiguration {

    /** The routing topology, built by the same function the topology tests drive. */
    @Bean
    TaskRoutingTopology.Marker routingTopology(StreamsBuilder builder, WorkerProperties properties, Clock clock) {
        TaskRoutingTopology.build(builder, clock, properties.retryTick());
        return new TaskRoutingTopology.Marker();
    }

    @Bean
    RouterThreadPolicy routerThreadPolicy(WorkerProperties properties, Clock clock) {
        var recovery = properties.routerRecovery();
        return new RouterThreadPolicy(recovery.maxThreadReplacements(), recovery.window(), clock);
    }

    @Bean
    RouterRecovery routerRecovery(RouterThreadPolicy policy, ApplicationEventPublisher events) {
        return new RouterRecovery(policy, events);
    }

    @Bean
    HealthIndicator kafkaStreamsHealthIndicator(StreamsBuilderFactoryBean factory, RouterThreadPolicy policy) {
        return RouterHealth.of(factory, policy);
    }
}
