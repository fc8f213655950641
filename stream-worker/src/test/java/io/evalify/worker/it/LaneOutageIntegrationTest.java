package io.evalify.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.evalify.core.testing.LocalKafka;
import io.evalify.fakes.backend.BackendRoute;
import io.evalify.fakes.backend.GeneratedQuizSpec;
import io.evalify.fakes.backend.RecordedSave;
import io.evalify.schemas.Json;
import io.evalify.schemas.job.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A lane outlives a broker outage longer than its client's {@code default.api.timeout.ms} (the commit that used to
 * kill the poller times out several times over), on a real broker in its own process that the test freezes
 * (SIGSTOP) or kills and restarts: the worker's readiness and health go DOWN while the lane cannot reach Kafka and
 * UP when it can again, liveness stays UP, and a job started before the outage completes with exact counts.
 */
class LaneOutageIntegrationTest {

    /** The clients' own time-outs, shortened from a minute so the outage below outlasts them quickly. */
    private static final Duration API_TIMEOUT = Duration.ofSeconds(3);

    /** How long the objective lane must have been recovering before the broker comes back. */
    private static final Duration OUTAGE = API_TIMEOUT.multipliedBy(3);

    private static final int STUDENTS = 120;

    private static LocalKafka kafka;
    private static EvalifyStack stack;

    @BeforeAll
    static void startStack() {
        kafka = LocalKafka.start();
        stack = EvalifyStack.onBroker(
                kafka.bootstrapServers(),
                Map.ofEntries(
                        Map.entry("spring.kafka.consumer.properties.default.api.timeout.ms", API_TIMEOUT.toMillis()),
                        Map.entry("spring.kafka.consumer.properties.request.timeout.ms", 2000),
                        Map.entry("spring.kafka.streams.properties.default.api.timeout.ms", API_TIMEOUT.toMillis()),
                        Map.entry("spring.kafka.streams.properties.request.timeout.ms", 2000),
                        Map.entry("spring.kafka.producer.properties.request.timeout.ms", 2000),
                        Map.entry("evalify.worker.lanes.objective", 4),
                        Map.entry("evalify.worker.lane-recovery.kafka-timeout", "2s"),
                        Map.entry("evalify.worker.lane-recovery.probe-interval", "1s"),
                        Map.entry("evalify.worker.lane-recovery.max-backoff", "1s")));
    }

    @AfterAll
    static void stopStack() {
        stack.close();
        kafka.close();
    }

    @Test
    void shouldResumeTheLaneAndCompleteTheJobAfterTheBrokerWasFrozenLongerThanTheClientTimeout() {
        survivesOutage("frozen", kafka::freeze, kafka::thaw);
    }

    @Test
    void shouldResumeTheLaneAndCompleteTheJobAfterTheBrokerWasKilledAndRestarted() {
        survivesOutage("killed", kafka::kill, kafka::restart);
    }

    private void survivesOutage(String name, Runnable stopBroker, Runnable startBroker) {
        awaitReady();
        var quizId = generate("quiz-outage-" + name + "-" + UUID.randomUUID());
        // Slow students keep the job running through the outage: 4 at a time, 100 ms each.
        stack.backend().faults(BackendRoute.STUDENT).latencyMillis(100);
        var jobId = stack.submit(quizId);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> stack.status(jobId).counts().processed() >= 10);

        stopBroker.run();
        try {
            var recovering = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> objectiveLane(),
                            lane -> lane.path("state").asString().equals("RECOVERING"));
            assertThat(stack.getWorker("/actuator/health/readiness").status()).isEqualTo(503);
            var since = Instant.parse(recovering.path("since").asString());
            // The outage is a span of time by nature: wait until the lane has been failing for three client
            // time-outs (its commits and probes time out over and over), checking it never leaves RECOVERING.
            await().atMost(OUTAGE.plusSeconds(60)).until(() -> {
                assertThat(objectiveLane().path("state").asString()).isEqualTo("RECOVERING");
                return Duration.between(since, Instant.now()).compareTo(OUTAGE) > 0;
            });
            assertThat(stack.getWorker("/actuator/health/liveness").status())
                    .as("liveness during an outage shorter than its limit")
                    .isEqualTo(200);
        } finally {
            startBroker.run();
        }

        awaitReady();
        assertThat(objectiveLane().path("state").asString()).isEqualTo("RUNNING");
        var done = stack.awaitStatus(jobId, JobStatus.COMPLETED, Duration.ofSeconds(120));
        assertThat(done.counts().succeeded()).isEqualTo(STUDENTS);
        assertThat(done.counts().processed()).isEqualTo(STUDENTS);
        assertThat(done.counts().failed()).isZero();
        var saves = savesByStudent(quizId);
        assertThat(saves).hasSize(STUDENTS);
        saves.forEach((student, bodies) -> assertThat(
                        bodies.stream().map(RecordedSave::body).distinct())
                .as("results saved for %s", student)
                .hasSize(1));
        assertThat(stack.getWorker("/actuator/health").status()).isEqualTo(200);
        assertThat(stack.getWorker("/actuator/health/liveness").status()).isEqualTo(200);
        stack.backend().clearFaults();
    }

    private static void awaitReady() {
        await().atMost(Duration.ofSeconds(90))
                .until(() -> stack.getWorker("/actuator/health/readiness").status() == 200);
    }

    /** The objective lane's entry in the worker's health details. */
    private static JsonNode objectiveLane() {
        var health = Json.mapper().readTree(stack.getWorker("/actuator/health").body());
        return health.path("components")
                .path("lanes")
                .path("details")
                .path("lanes")
                .path("objective");
    }

    private static String generate(String name) {
        var quizId = EvalifyStack.quizId(name);
        stack.backend()
                .generateQuiz(GeneratedQuizSpec.builder(quizId)
                        .students(STUDENTS)
                        .questions(3)
                        .seed(17)
                        .types("MCQ", "TRUE_FALSE")
                        .build());
        return quizId;
    }

    private static Map<String, List<RecordedSave>> savesByStudent(String quizId) {
        return stack.backend().saves().stream()
                .filter(s -> s.quizId().equals(quizId) && s.accepted())
                .collect(Collectors.groupingBy(RecordedSave::studentId));
    }
}
