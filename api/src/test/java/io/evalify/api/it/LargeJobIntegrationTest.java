package io.evalify.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.core.job.JobStore;
import io.evalify.core.topic.Topics;
import io.evalify.fakes.backend.GeneratedQuizSpec;
import io.evalify.schemas.Json;
import io.evalify.schemas.task.TaskLane;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A job of many students through the real API, the fake backend's list over HTTP and the real broker: the list
 * is read row by row and the tasks published from a count of acknowledgements, and every submitted student
 * still gets exactly one task. Sized to run in a few seconds; the bench's S6 runs 100,000.
 */
class LargeJobIntegrationTest extends FullStackTest {

    private static final int STUDENTS = 20_000;
    private static final int NOT_SUBMITTED = 500;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private JobStore jobs;

    @Test
    void shouldPublishExactlyOneTaskForEverySubmittedStudentOfALargeQuiz() throws Exception {
        var quiz = UUID.randomUUID().toString();
        BACKEND.generateQuiz(GeneratedQuizSpec.builder(quiz)
                .students(STUDENTS)
                .questions(1)
                .types("MCQ")
                .notSubmitted(NOT_SUBMITTED)
                .seed(11)
                .build());

        var created = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/jobs/evaluation"))
                        .header("API_KEY", API_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"quiz_id\":\"" + quiz + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).isEqualTo(202);
        var jobId = Json.mapper().readTree(created.body()).path("job_id").asString();
        var job = jobs.find(jobId).orElseThrow();
        assertThat(job.total()).isEqualTo(STUDENTS - NOT_SUBMITTED);
        assertThat(job.published()).isTrue();
        assertThat(studentsOfTasks(jobId))
                .hasSize(STUDENTS - NOT_SUBMITTED)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(submittedStudents(quiz));
    }

    private List<String> submittedStudents(String quiz) {
        return BACKEND.responses(quiz).stream()
                .filter(row -> !row.path("submissionStatus").asString().equals("NOT_SUBMITTED"))
                .map(row -> row.path("studentId").asString())
                .toList();
    }

    /** The student of every task of {@code jobId} on the objective lane's submission topic, duplicates included. */
    private List<String> studentsOfTasks(String jobId) {
        var props = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        var students = new ArrayList<String>();
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            var partitions = consumer
                    .partitionsFor(Topics.submitted(TaskLane.OBJECTIVE).name())
                    .stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().startsWith(jobId + ":")) {
                        students.add(record.key().substring(jobId.length() + 1));
                    }
                }
            }
        }
        return students;
    }
}
