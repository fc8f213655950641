package io.evalify.core.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class ReliableProducerTest {

    @Test
    void shouldForceTheReliabilitySettingsOverLooserOnes() {
        var base = Map.<String, Object>of(
                ProducerConfig.ACKS_CONFIG,
                "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                5);

        var props = ReliableProducer.properties(base);

        assertThat(props)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    }

    @Test
    void shouldKeepTheConnectionAndTuningSettingsAndLeaveTheBaseUntouched() {
        var base = Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092", ProducerConfig.LINGER_MS_CONFIG, 7);

        var props = ReliableProducer.properties(base);

        assertThat(props)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 7);
        assertThat(base).hasSize(2);
    }

    @Test
    void shouldBindEveryClientTimeoutToTheDeadline() {
        var base = Map.<String, Object>of(ProducerConfig.LINGER_MS_CONFIG, 5);

        var props = ReliableProducer.withinDeadline(base, Duration.ofSeconds(3));

        assertThat(props)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000L)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_497);
    }

    @Test
    void shouldKeepTheDefaultRequestTimeoutUnderALongDeadline() {
        var props = ReliableProducer.withinDeadline(Map.of(), Duration.ofMinutes(5));

        assertThat(props).containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
    }

    @Test
    void shouldGiveSettingsTheKafkaProducerAccepts() {
        var props = ReliableProducer.withinDeadline(
                ReliableProducer.properties(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1")),
                Duration.ofMillis(200));

        // The producer refuses a delivery time-out below linger.ms + request.timeout.ms at construction.
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            assertThat(producer.metrics()).isNotEmpty();
        }
    }

    @Test
    void shouldRefuseADeadlineThatLingerAloneWouldSpend() {
        assertThatThrownBy(() -> ReliableProducer.withinDeadline(
                        Map.of(ProducerConfig.LINGER_MS_CONFIG, 50), Duration.ofMillis(40)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
