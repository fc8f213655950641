package io.evalify.core.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
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
}
