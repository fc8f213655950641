package io.evalify.api.config;

import io.evalify.core.backend.BackendClient;
import io.evalify.core.backend.BackendProperties;
import io.evalify.core.job.JobStore;
import io.evalify.core.job.RetentionProperties;
import io.evalify.core.topic.Topics;
import io.evalify.core.topic.TopicsProperties;
import io.evalify.schemas.SchemaValidator;
import io.evalify.schemas.task.TaskEvent;
import java.time.Clock;
import java.util.HashMap;
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

    /** Idempotent, fully acknowledged producer: a 202 means every task is on the broker. */
    @Bean
    KafkaTemplate<String, TaskEvent> taskTemplate(KafkaProperties kafka) {
        var props = new HashMap<>(kafka.buildProducerProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        var factory = new DefaultKafkaProducerFactory<>(
                props, new StringSerializer(), Topics.TASKS.valueSerde().serializer());
        return new KafkaTemplate<>(factory);
    }
}
