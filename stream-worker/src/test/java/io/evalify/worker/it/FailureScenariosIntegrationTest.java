package io.evalify.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.evalify.core.replay.ReplayRequest;
import io.evalify.core.replay.Replayer;
import io.evalify.core.topic.Topics;
import io.evalify.fakes.backend.BackendRoute;
import io.evalify.fakes.backend.GeneratedQuizSpec;
import io.evalify.fakes.backend.RecordedSave;
import io.evalify.schemas.job.JobStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Issue 5's scenarios F1, F2, F4 and F5 on the real broker and Redis, with the fakes' fault switches. */
class FailureScenariosIntegrationTest extends StackPerTest {

    @Test
    void f1ShouldCountEachStudentOnceWhenTheWorkerCrashesThreeTimes() {
        var quizId = generate("quiz-f1", 2000, "MCQ", "MMCQ", "TRUE_FALSE");
        stack.backend().faults(BackendRoute.STUDENT).latencyMillis(15);
        var jobId = stack.submit(quizId);
        var random = new Random(7);

        for (int crash = 1; crash <= 3; crash++) {
            long at = 300L * crash + random.nextInt(300);
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> stack.status(jobId).counts().processed() >= at);
            stack.crashWorker();
            stack.restartWorker();
        }

        var done = stack.awaitStatus(jobId, JobStatus.COMPLETED, Duration.ofSeconds(180));
        assertThat(done.counts().succeeded()).isEqualTo(2000);
        assertThat(done.counts().processed()).isEqualTo(2000);
        savesByStudent(quizId)
                .forEach((student, saves) -> assertThat(
                                saves.stream().map(RecordedSave::body).distinct())
                        .as("bodies saved for %s", student)
                        .hasSize(1));
        assertThat(savesByStudent(quizId)).hasSize(2000);
    }

    @Test
    void f2ShouldCompleteWithoutDeadLettersDespiteTransientBackendAndLlmFaults() {
        var quizId = generate("quiz-f2", 200, "MCQ", "DESCRIPTIVE");
        stack.backend().faults(BackendRoute.STUDENT).error500Rate(0.2);
        stack.backend().faults(BackendRoute.SAVE).error500Rate(0.2);
        stack.llm().faults().rateLimitRate(0.10).retryAfterSeconds(1).malformedRate(0.05);

        var jobId = stack.submit(quizId);

        var done = stack.awaitStatus(jobId, JobStatus.COMPLETED, Duration.ofSeconds(180));
        assertThat(done.counts().succeeded()).isEqualTo(200);
        assertThat(done.counts().failed()).isZero();
        assertThat(DeadLetters.all(stack.bootstrapServers())).isEmpty();
    }

    @Test
    void f4ShouldDeadLetterAPoisonRecordAndKeepWorking() throws Exception {
        var props = Map.<String, Object>of("bootstrap.servers", stack.bootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            Topics.TASKS.name(), "x:y", "{not json".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !DeadLetters.all(stack.bootstrapServers()).isEmpty());
        var letter = DeadLetters.all(stack.bootstrapServers()).getFirst();
        assertThat(letter.rawValue()).isEqualTo("{not json");
        assertThat(letter.failure().type()).isEqualTo("POISON_RECORD");

        var quizId = generate("quiz-f4", 20, "MCQ");
        stack.awaitStatus(stack.submit(quizId), JobStatus.COMPLETED, Duration.ofSeconds(60));
    }

    @Test
    void f5ShouldRegradeAReplayedRangeWithoutChangingTheCountsOfACompletedJob() {
        var quizId = generate("quiz-f5", 30, "MCQ", "MMCQ");
        var jobId = stack.submit(quizId);
        var before = stack.awaitStatus(jobId, JobStatus.COMPLETED, Duration.ofSeconds(60));
        int savesBefore = stack.backend().saveCount();

        var replayer = new Replayer(Map.of("bootstrap.servers", stack.bootstrapServers()), Clock.systemUTC());
        var result = replayer.replay(
                new ReplayRequest(Topics.SUBMITTED_OBJECTIVE.name(), null, 0L, null, null, null, jobId));

        assertThat(result.republished()).isEqualTo(30);
        await().atMost(Duration.ofSeconds(60)).until(() -> stack.backend().saveCount() >= savesBefore + 30);
        var after = stack.status(jobId);
        assertThat(after.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(after.counts()).isEqualTo(before.counts());
        savesByStudent(quizId)
                .forEach((student, saves) -> assertThat(
                                saves.stream().map(RecordedSave::body).distinct())
                        .hasSize(1));
    }

    @Test
    void shouldSkipAndCountAsCancelledTheQueuedTasksOfACancelledJob() {
        var quizId = generate("quiz-cancel", 50, "MCQ");
        stack.stopWorker();
        var jobId = stack.submit(quizId);
        assertThat(stack.post("/api/v1/jobs/evaluation/" + jobId + "/cancel", "")
                        .status())
                .isEqualTo(202);
        stack.restartWorker();

        var done = stack.awaitStatus(jobId, JobStatus.CANCELLED, Duration.ofSeconds(60));
        assertThat(done.counts().cancelled()).isEqualTo(50);
        assertThat(done.counts().succeeded()).isZero();
        assertThat(savesByStudent(quizId)).isEmpty();
    }

    @Test
    void shouldFailTheJobWithTheReasonWhenTheQuizDisappearsBeforeItRuns() {
        var quizId = generate("quiz-vanishing", 10, "MCQ");
        stack.stopWorker();
        var jobId = stack.submit(quizId);
        stack.backend().clearData();
        stack.restartWorker();

        var failed = stack.awaitStatus(jobId, JobStatus.FAILED, Duration.ofSeconds(60));
        assertThat(failed.error()).contains("not found");
        assertThat(failed.finishedAt()).isNotNull();
    }

    @Test
    void shouldRetryATaskThatExceedsItsDeadline() {
        stack.stopWorker();
        stack.restartWorker(Map.of("evalify.worker.task-timeout", "1s", "evalify.worker.retry.intervals", "1s,1s,1s"));
        var quizId = generate("quiz-deadline", 5, "MCQ");
        stack.backend().faults(BackendRoute.STUDENT).hang(Duration.ofSeconds(5));
        var jobId = stack.submit(quizId);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> stack.getWorker("/actuator/prometheus").body().contains("result=\"retried\""));
        stack.backend().clearFaults();

        var done = stack.awaitStatus(jobId, JobStatus.COMPLETED, Duration.ofSeconds(60));
        assertThat(done.counts().succeeded()).isEqualTo(5);
        assertThat(DeadLetters.all(stack.bootstrapServers())).isEmpty();
    }

    private String generate(String name, int students, String... types) {
        var quizId = EvalifyStack.quizId(name);
        stack.backend()
                .generateQuiz(GeneratedQuizSpec.builder(quizId)
                        .students(students)
                        .questions(5)
                        .seed(11)
                        .types(types)
                        .build());
        return quizId;
    }

    private Map<String, List<RecordedSave>> savesByStudent(String quizId) {
        return stack.backend().saves().stream()
                .filter(s -> s.quizId().equals(quizId) && s.accepted())
                .collect(Collectors.groupingBy(RecordedSave::studentId));
    }
}
