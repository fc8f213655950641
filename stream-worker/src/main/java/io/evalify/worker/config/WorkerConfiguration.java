package io.evalify.worker.config;

import io.evalify.core.backend.BackendClient;
import io.evalify.core.backend.BackendProperties;
import io.evalify.core.job.JobStore;
import io.evalify.core.job.RetentionProperties;
import io.evalify.core.topic.ReliableProducer;
import io.evalify.core.topic.TopicsProperties;
import io.evalify.grading.GradingServices;
import io.evalify.grading.StudentGrader;
import io.evalify.grading.judge0.Judge0Client;
import io.evalify.grading.judge0.Judge0Config;
import io.evalify.grading.llm.LlmConfig;
import io.evalify.grading.llm.LlmGrader;
import io.evalify.worker.execution.LaneConsumers;
import io.evalify.worker.failure.FailurePublisher;
import io.evalify.worker.failure.RetryPolicy;
import io.evalify.worker.health.WorkerHealth;
import io.evalify.worker.llm.RedisLlmPermits;
import io.evalify.worker.metrics.WorkerMetrics;
import io.evalify.worker.routing.RouterRecovery;
import io.evalify.worker.routing.TaskRoutingTopology;
import io.evalify.worker.task.JobCache;
import io.evalify.worker.task.QuizCatalog;
import io.evalify.worker.task.TaskHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the worker: the Streams topology, the lanes' call stage, grading and failure handling. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class WorkerConfiguration {

    /** Names the producer (and its network thread) in broker metrics, quotas and thread dumps. */
    private static final String FAILURE_PRODUCER_CLIENT_ID = "evalify-worker-failures";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    KafkaAdmin.NewTopics evalifyTopics(TopicsProperties topics) {
        return new KafkaAdmin.NewTopics(topics.declarations().toArray(NewTopic[]::new));
    }

    /** The routing topology, built by the same function the topology tests drive. */
    @Bean
    TaskRoutingTopology.Marker routingTopology(StreamsBuilder builder, WorkerProperties properties, Clock clock) {
        TaskRoutingTopology.build(builder, clock, properties.retryTick());
        return new TaskRoutingTopology.Marker();
    }

    @Bean
    RouterRecovery routerRecovery(WorkerProperties properties, Clock clock, ApplicationEventPublisher events) {
        var recovery = properties.routerRecovery();
        return new RouterRecovery(recovery.maxThreadReplacements(), recovery.window(), clock, events);
    }

    @Bean
    JobStore jobStore(StringRedisTemplate redis, RetentionProperties retention, Clock clock) {
        return new JobStore(redis, retention.toJobRetention(), clock);
    }

    @Bean
    WorkerMetrics workerMetrics(MeterRegistry registry) {
        return new WorkerMetrics(registry);
    }

    @Bean
    BackendClient backendClient(BackendProperties properties, WorkerMetrics metrics) {
        return new BackendClient(properties, metrics);
    }

    @Bean
    QuizCatalog quizCatalog(BackendClient backend, WorkerProperties properties) {
        return new QuizCatalog(backend, properties.quizCacheTtl());
    }

    @Bean
    StudentGrader studentGrader(
            GradingProperties grading, StringRedisTemplate redis, WorkerMetrics metrics, Clock clock) {
        var llm = grading.llm().baseUrl().isBlank() ? null : llm(grading.llm(), redis, metrics);
        return new StudentGrader(new GradingServices(llm, judge0(grading.judge0()), clock));
    }

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

    @Bean
    TaskHandler taskHandler(
            JobStore jobs,
            BackendClient backend,
            QuizCatalog catalog,
            StudentGrader grader,
            FailurePublisher failures,
            WorkerMetrics metrics,
            WorkerProperties properties) {
        var jobCache = new JobCache(jobs, properties.jobCacheTtl());
        return new TaskHandler(jobs, jobCache, backend, catalog, grader, failures, metrics, properties.taskTimeout());
    }

    @Bean
    LaneConsumers laneConsumers(
            KafkaProperties kafka, WorkerProperties properties, TaskHandler handler, MeterRegistry registry) {
        return new LaneConsumers(kafka.buildConsumerProperties(), properties, handler, registry);
    }

    @Bean
    HealthIndicator kafkaStreamsHealthIndicator(StreamsBuilderFactoryBean factory) {
        return WorkerHealth.kafkaStreams(factory);
    }

    @Bean
    HealthIndicator lanesHealthIndicator(LaneConsumers lanes) {
        return WorkerHealth.lanes(lanes);
    }

    /** The LLM grader behind the global limit: one lease per call, reclaimed if a worker dies holding it. */
    private static LlmGrader llm(GradingProperties.Llm llm, StringRedisTemplate redis, WorkerMetrics metrics) {
        var config = new LlmConfig(
                llm.baseUrl(),
                llm.apiKey(),
                llm.model(),
                llm.timeout(),
                llm.maxRetries(),
                llm.malformedRetries(),
                llm.maxConcurrency(),
                llm.scoreStep(),
                0.0);
        var lease = llm.timeout().multipliedBy(llm.maxRetries() + 1L).plusSeconds(30);
        return new LlmGrader(config, new RedisLlmPermits(redis, llm.globalConcurrency(), lease, metrics));
    }

    private static Judge0Client judge0(GradingProperties.Judge0 judge0) {
        return judge0.baseUrl().isBlank()
                ? null
                : new Judge0Client(new Judge0Config(judge0.baseUrl(), judge0.timeout()));
    }
}
