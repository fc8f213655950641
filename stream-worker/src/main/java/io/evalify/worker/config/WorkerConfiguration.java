package io.evalify.worker.config;

import io.evalify.core.job.JobStore;
import io.evalify.core.job.RetentionProperties;
import io.evalify.core.topic.TopicsProperties;
import io.evalify.worker.metrics.WorkerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What the worker's features share: the clock, the topic declarations, the job store and the metrics. Each
 * feature wires itself in its own package ({@code routing}, {@code lane}, {@code task}, {@code failure},
 * {@code grading}).
 */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    KafkaAdmin.NewTopics evalifyTopics(TopicsProperties topics) {
        return new KafkaAdmin.NewTopics(topics.declarations().toArray(NewTopic[]::new));
    }

    @Bean
    JobStore jobStore(StringRedisTemplate redis, RetentionProperties retention, Clock clock) {
        return new JobStore(redis, retention.toJobRetention(), clock);
    }

    @Bean
    WorkerMetrics workerMetrics(MeterRegistry registry) {
        return new WorkerMetrics(registry);
    }
}
