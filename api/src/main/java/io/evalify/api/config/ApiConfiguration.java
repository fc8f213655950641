package io.evalify.api.config;

import io.evalify.core.backend.BackendClient;
import io.evalify.core.backend.BackendProperties;
import io.evalify.core.job.JobStore;
import io.evalify.core.job.RetentionProperties;
import io.evalify.core.topic.ReliableProducer;
import io.evalify.core.topic.Topics;
import io.evalify.core.topic.TopicsProperties;
import io.evalify.schemas.SchemaValidator;
import io.evalify.schemas.task.TaskEvent;
import java.time.Clock;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the shared core pieces into the API. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    /** Names the producer (and its network thread) in broker metrics, quotas and thread dumps. */
    private static final String TASK_PRODUCER_CLIENT_ID = "evalify-api-tasks";

    private static final int TASK_BATCH_BYTES = 256 * 1024;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JobStore jobStore(StringRedisTemplate redis, RetentionProperties retention, Clock clock) {
        return new JobStore(redis, retention.toJobRetention(), clock);
    }

    @Bean
    BackendClient backendClient(BackendProperties properties) {
        return new BackendClient(properties);
    }

    @Bean
    SchemaValidator schemaValidator() {
        return new SchemaValidator();
    }

    @Bean
    KafkaAdmin.NewTopics evalifyTopics(TopicsProperties topics) {
        return new KafkaAdmin.NewTopics(topics.declarations().toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    /**
     * The task producer's factory, a bean so the context closes its producer on shutdown; reliable settings from
     * {@link ReliableProducer}: a 202 means every task is on the broker. Its time-outs are bound to
     * {@code evalify.api.publish-timeout}, so an unreachable broker gets a 503 within it.
     */
    @Bean
    DefaultKafkaProducerFactory<String, TaskEvent> taskProducerFactory(KafkaProperties kafka, ApiProperties api) {
        var props = ReliableProducer.properties(kafka.buildProducerProperties());
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, TASK_PRODUCER_CLIENT_ID);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // With one request in flight, a 10,000-task job is as many round trips as it has batches per partition:
        // 16 KB batches made it ~4; one 256 KB batch per partition makes it one or two.
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, TASK_BATCH_BYTES);
        return new DefaultKafkaProducerFactory<>(
                ReliableProducer.withinDeadline(props, api.publishTimeout()),
                new StringSerializer(),
                Topics.TASKS.valueSerde().serializer());
    }

    @Bean
    KafkaTemplate<String, TaskEvent> taskTemplate(DefaultKafkaProducerFactory<String, TaskEvent> taskProducerFactory) {
        return new KafkaTemplate<>(taskProducerFactory);
    }
}
