package io.evalify.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.evalify.fakes.backend.BackendRoute;
import io.evalify.fakes.backend.GeneratedQuizSpec;
import io.evalify.fakes.backend.RecordedSave;
import io.evalify.schemas.job.JobStatus;
import io.evalify.worker.routing.RouterThreadPolicy;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/** Operating the worker: graceful shutdown mid-job, metrics, readiness, liveness, who may read them. */
class WorkerOperationsIntegrationTest extends StackPerTest {

    @Test
    void shouldLoseAndDoubleCountNoStudentWhenStoppedGracefullyDuringAJob() {
        var quizId = EvalifyStack.quizId("quiz-graceful");
        stack.backend()
                .generateQuiz(GeneratedQuizSpec.builder(quizId)
                        .students(600)
                        .questions(5)
                        .seed(3)
                        .types("MCQ", "TRUE_FALSE")
                        .build());
        stack.backend().faults(BackendRoute.SAVE).latencyMillis(40);
        var jobId = stack.submit(quizId);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> stack.status(jobId).counts().processed() >= 100);

        long started = System.nanoTime();
        stack.stopWorker();
        var stopSeconds = (System.nanoTime() - started) / 1e9;
        var midway = stack.status(jobId);
        stack.restartWorker();

        var done = stack.awaitStatus(jobId, JobStatus.COMPLETED, Duration.ofSeconds(120));
        assertThat(stopSeconds).as("graceful stop time (s)").isLessThan(30);
        assertThat(midway.counts().processed()).isLessThan(600);
        assertThat(done.counts().succeeded()).isEqualTo(600);
        assertThat(done.counts().processed()).isEqualTo(600);
        var saves = stack.backend().saves().stream()
                .filter(s -> s.quizId().equals(quizId) && s.accepted())
                .collect(Collectors.groupingBy(RecordedSave::studentId));
        assertThat(saves).hasSize(600);
    }

    @Test
    void shouldCloseItsKafkaProducersWhenTheApplicationsStop() {
        var quizId = EvalifyStack.quizId("quiz-close");
        stack.backend()
                .generateQuiz(GeneratedQuizSpec.builder(quizId)
                        .students(10)
                        .questions(2)
                        .seed(4)
                        .types("MCQ")
                        .build());
        stack.backend().faults(BackendRoute.SAVE).error500Rate(1.0);
        stack.awaitStatus(stack.submit(quizId), JobStatus.COMPLETED_WITH_ERRORS, Duration.ofSeconds(60));
        assertThat(producerThreads()).as("producers of the API and the worker").hasSize(2);

        stack.close();

        await().atMost(Duration.ofSeconds(30)).until(() -> producerThreads().isEmpty());
    }

    @Test
    void shouldProduceAcknowledgedIdempotentAndOneRequestAtATimeFromEveryProducer() {
        var failures = stack.workerBean(DefaultKafkaProducerFactory.class).getConfigurationProperties();
        assertThat(failures)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        var streams = stack.workerBean(KafkaStreamsConfiguration.class).asProperties();
        assertThat(streams.get("producer." + ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION))
                .hasToString("1");
    }

    /** Network threads of the API's task producer and the worker's failure producer still alive. */
    private static List<String> producerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("kafka-producer-network-thread | evalify-"))
                .toList();
    }

    @Test
    void shouldExposeTaskLatencyJobAndLagMetricsToPrometheus() {
        var quizId = EvalifyStack.quizId("quiz-metrics");
        stack.backend()
                .generateQuiz(GeneratedQuizSpec.builder(quizId)
                        .students(20)
                        .questions(2)
                        .seed(5)
                        .types("MCQ", "DESCRIPTIVE")
                        .build());
        stack.awaitStatus(stack.submit(quizId), JobStatus.COMPLETED, Duration.ofSeconds(60));

        // Client metrics such as lag appear once the lane consumers have fetched and the binder refreshed.
        var metrics = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> stack.getWorker("/actuator/prometheus"),
                        m -> m.body().contains("lane=\"llm\"")
                                && m.body().contains("records_lag_max{client_id=\"consumer-worker"));

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("evalify_worker_tasks_total{lane=\"llm\",result=\"succeeded\"}")
                .contains("evalify_backend_requests_seconds_bucket")
                .contains("evalify_llm_requests_seconds_bucket")
                .contains("evalify_job_duration_seconds_count{status=\"COMPLETED\"}")
                .contains("evalify_worker_in_flight{lane=\"llm\"}")
                .containsPattern(
                        "kafka_consumer_fetch_manager_records_lag_max\\{client_id=\"consumer-worker-[^\"]*-llm-[^}]*lane=\"llm\"");
    }

    @Test
    void shouldShowMetricsAndHealthDetailsOnlyToAManagementKey() {
        assertThat(stack.getWorker("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(stack.getWorker("/actuator/prometheus", "Bearer not-the-key").status())
                .isEqualTo(401);
        assertThat(stack.getWorker("/actuator/health/../prometheus", null).status())
                .isEqualTo(401);

        var probe = await().atMost(Duration.ofSeconds(30))
                .until(() -> stack.getWorker("/actuator/health/readiness", null), r -> r.status() == 200);
        assertThat(probe.status()).isEqualTo(200);
        assertThat(probe.body()).contains("\"status\":\"UP\"").doesNotContain("redis", "kafkaStreams", "lanes");
        assertThat(stack.getWorker("/actuator/health", null).body()).doesNotContain("components");

        assertThat(stack.getWorker("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(stack.getWorker("/actuator/health").body()).contains("components", "redis");
    }

    @Test
    void shouldBeReadyWhenStreamsLanesAndRedisAreUp() {
        // Ready once every lane has heard from the broker, which takes a moment after the context has started.
        var readiness = await().atMost(Duration.ofSeconds(30))
                .until(() -> stack.getWorker("/actuator/health/readiness"), r -> r.status() == 200);

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body())
                .contains("\"status\":\"UP\"")
                .contains("kafkaStreams")
                .contains("redis");
    }

    @Test
    void shouldRecoverTheRoutersDeadStreamThreadsAndBeAliveWhileTheRouterRuns() {
        var factory = stack.workerBean(StreamsBuilderFactoryBean.class);

        assertThat(factory.getStreamsUncaughtExceptionHandler()).isInstanceOf(RouterThreadPolicy.class);
        assertThat(stack.getWorker("/actuator/health/liveness").status()).isEqualTo(200);
    }
}
