package io.evalify.worker.routing;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Health of the routing topology, for the readiness probe (Redis has Boot's own indicator): its Kafka Streams state,
 * its live stream threads, and the threads {@link RouterThreadPolicy} replaced after they died (how many, when the
 * last was, of what), so a router that heals keeps a trace of it.
 */
final class RouterHealth {

    private RouterHealth() {}

    /** UP while the routing topology runs or rebalances; DOWN when it has stopped or failed. */
    static HealthIndicator of(StreamsBuilderFactoryBean factory, RouterThreadPolicy policy) {
        return () -> {
            var replaced = policy.replacements();
            KafkaStreams streams = factory.getKafkaStreams();
            if (streams == null) {
                return Health.down().withDetail("state", "NOT_STARTED").build();
            }
            var state = streams.state();
            var builder = state.isRunningOrRebalancing() ? Health.up() : Health.down();
            builder.withDetail("state", state.name()).withDetail("replacedThreads", replaced.count());
            if (state.isRunningOrRebalancing()) {
                builder.withDetail("threads", streams.metadataForLocalThreads().size());
            }
            if (replaced.last() != null) {
                builder.withDetail("lastReplacement", replaced.last().toString())
                        .withDetail("lastThreadError", replaced.lastError());
            }
            return builder.build();
        };
    }
}
