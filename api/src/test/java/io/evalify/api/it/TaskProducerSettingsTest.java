package io.evalify.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.schemas.task.TaskEvent;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/** The producer the API publishes tasks with, as the running application configures it. */
class TaskProducerSettingsTest extends FullStackTest {

    @Autowired
    private DefaultKafkaProducerFactory<String, TaskEvent> taskProducerFactory;

    @Test
    void shouldPublishAcknowledgedIdempotentAndOneRequestAtATime() {
        assertThat(taskProducerFactory.getConfigurationProperties())
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1)
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "evalify-api-tasks");
    }

    @Test
    void shouldBatchAJobsTasksInFewRequests() {
        assertThat(taskProducerFactory.getConfigurationProperties())
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024)
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    }
}
