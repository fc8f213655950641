package io.evalify.worker.failure;

import io.evalify.core.job.JobStore;
import io.evalify.core.topic.ReliableProducer;
import io.evalify.worker.config.WorkerProperties;
import io.evalify.worker.metrics.WorkerMetrics;
import java.time.Clock;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the failure path: its own reliable producer and the publisher that decides retry or dead letter. */
@Configuration(proxyBeanMethods = false)
class FailureConfiguration {

    /** Names the producer (and its network thread) in broker metrics, quotas and thread dumps. */
    private static final String FAILURE_PRODUCER_CLIENT_ID = "evalify-worker-failures";

    /** The failure producer's factory, a bean so the context flushes and closes its producer on shutdown. */
    @Bean
    DefaultKafkaProducerFactory<String, byte[]> failureProducerFactory(KafkaProperties kafka) {
        var props = ReliableProducer.properties(kafka.buildProducerProperties());
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, FAILURE_PRODUCER_CLIENT_ID);
        return new DefaultKafkaProducerFactory<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    KafkaTemplate<String, byte[]> failureTemplate(DefaultKafkaProducerFactory<String, byte[]> failureProducerFactory) {
        return new KafkaTemplate<>(failureProducerFactory);
    }

    @Bean
    FailurePublisher failurePublisher(
            KafkaTemplate<String, byte[]> failureTemplate,
            JobStore jobs,
            WorkerProperties properties,
            WorkerMetrics metrics,
            Clock clock) {
        return new FailurePublisher(failureTemplate, jobs, new RetryPolicy(properties.retry()), metrics, clock);
    }
}
