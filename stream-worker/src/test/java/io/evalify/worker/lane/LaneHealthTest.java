package io.evalify.worker.lane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.evalify.core.testing.LocalRedis;
import io.evalify.worker.config.WorkerProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.health.contributor.Status;

/**
 * Lane health when no broker answers at all (nothing listens on the port): every lane is recovering, readiness is
 * DOWN at once, liveness only after the configured limit, and no lane's poller has stopped.
 */
class LaneHealthTest {

    private LaneConsumers lanes;

    @AfterEach
    void stopLanes() {
        if (lanes != null) {
            lanes.stop();
        }
    }

    @Test
    void shouldBeUnreadyAtOnceAndDeadOnlyAfterTheLimitWhenNoBrokerAnswers() {
        var properties = properties(Map.of(
                "evalify.worker.lane-recovery.kafka-timeout", "300ms",
                "evalify.worker.lane-recovery.max-backoff", "200ms",
                "evalify.worker.lane-recovery.liveness-limit", "3s"));
        lanes = new LaneConsumers(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        "127.0.0.1:" + LocalRedis.freePort(),
                        ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        300),
                properties,
                record -> {},
                new SimpleMeterRegistry(),
                Clock.systemUTC());
        var readiness = LaneHealth.readiness(lanes);
        var liveness = LaneHealth.liveness(lanes, Duration.ofSeconds(3), Clock.systemUTC());

        lanes.start();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> lanes.statusByLane().values().stream().allMatch(s -> s.state() == LaneState.RECOVERING));
        assertThat(readiness.health(true).getStatus()).isEqualTo(Status.DOWN);
        assertThat(readiness.health(true).getDetails().toString()).contains("RECOVERING", "TimeoutException");
        var dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> liveness.health(true), h -> h.getStatus() == Status.DOWN);
        assertThat(dead.getDetails().get("limit")).isEqualTo("PT3S");
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> liveness.health(true).getDetails().toString(),
                        d -> d.contains("objective") && d.contains("llm") && d.contains("coding"));
        assertThat(lanes.statusByLane().values())
                .as("no poller stopped")
                .allMatch(s -> s.state() == LaneState.RECOVERING);
    }

    private static WorkerProperties properties(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("evalify.worker", WorkerProperties.class);
    }
}
