package io.evalify.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.evalify.cli.CliRunner;
import io.evalify.cli.CliRunner.Result;
import io.evalify.cli.ExitCodes;
import io.evalify.core.topic.Topics;
import io.evalify.schemas.deadletter.DeadLetter;
import io.evalify.schemas.deadletter.TaskFailure;
import io.evalify.schemas.task.TaskEvent;
import io.evalify.schemas.task.TaskLane;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * {@code evalify replay} against a real in-JVM KRaft broker: what it republishes to the task topic, and that
 * a live consumer group's committed offsets stay where they were.
 */
class ReplayCommandTest {

    private static final String LIVE_GROUP = "evalify-worker-router";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static EmbeddedKafkaBroker broker;

    /** Tests share the broker; each uses its own job ids, so records of other tests never match its filter. */
    private final String runs = UUID.randomUUID().toString();

    @TempDir
    Path home;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 2, Topics.TASKS.name(), Topics.DEAD_LETTERS.name());
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void shouldRepublishOneJobsTasksAsFirstAttemptsWithoutMovingTheLiveGroup() {
        String job = "job-a-" + runs;
        List<TaskEvent> tasks = List.of(task(job, "s1", 3), task(job, "s2", 2), task("other-" + runs, "s3", 1));
        tasks.forEach(t ->
                send(Topics.TASKS.name(), t.key(), t, Topics.TASKS.valueSerde().serializer(), null));
        Map<TopicPartition, OffsetAndMetadata> committed = consumeAllAndCommit(LIVE_GROUP);

        Result result = replay("--topic", "evalify.tasks", "--from-offset", "0", "--job", job);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("republished 2 to evalify.tasks");
        assertThat(republishedOf(job))
                .extracting(TaskEvent::studentId, TaskEvent::attempt)
                .containsExactlyInAnyOrder(tuple("s1", 1), tuple("s2", 1));
        assertThat(committedOffsets(LIVE_GROUP)).isEqualTo(committed);
    }

    @Test
    void shouldRepublishTheTaskOfEachDeadLetterAndSkipPoisonRecords() {
        String job = "job-dlt-" + runs;
        send(Topics.DEAD_LETTERS.name(), job + ":s1", deadLetter(task(job, "s1", 4)), letters(), null);
        send(Topics.DEAD_LETTERS.name(), job + ":s2", deadLetter(task(job, "s2", 4)), letters(), null);
        send(Topics.DEAD_LETTERS.name(), "poison", deadLetter(null), letters(), null);

        Result result = replay("--topic", "evalify.tasks.dlt", "--from-offset", "0", "--job", job);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("republished 2 to evalify.tasks").contains("skipped 1");
        assertThat(republishedOf(job))
                .extracting(TaskEvent::studentId, TaskEvent::attempt, TaskEvent::firstFailedAt)
                .containsExactlyInAnyOrder(tuple("s1", 1, null), tuple("s2", 1, null));
    }

    @Test
    void shouldReplayOnlyTheRecordsInsideTheTimeRange() {
        String job = "job-time-" + runs;
        // A time lookup needs record times that do not go back within a partition: start after every record
        // the other tests wrote (the broker accepts times up to an hour ahead).
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(5);
        for (int i = 0; i < 4; i++) {
            TaskEvent t = task(job, "s" + i, 1);
            send(Topics.TASKS.name(), t.key(), t, Topics.TASKS.valueSerde().serializer(), base.plusSeconds(60L * i));
        }

        Result result = replay(
                "--topic",
                "evalify.tasks",
                "--from-time",
                base.plusSeconds(60).toString(),
                "--to-time",
                base.plusSeconds(120).toString(),
                "--job",
                job);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("read 2, republished 2");
        assertThat(republishedOf(job)).extracting(TaskEvent::studentId).containsExactlyInAnyOrder("s1", "s2");
    }

    @Test
    void shouldRejectBothStartOptionsAsAUsageError() {
        Result result = replay("--topic", "evalify.tasks", "--from-offset", "0", "--from-time", T0.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("mutually exclusive");
    }

    @Test
    void shouldRejectATopicThatIsNotATaskTopic() {
        Result result = replay("--topic", "some.other.topic", "--from-offset", "0");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("cannot replay topic 'some.other.topic'");
    }

    @Test
    void shouldRejectAPartitionTheTopicDoesNotHave() {
        Result result = replay("--topic", "evalify.tasks", "--from-offset", "0", "--partition", "7");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("has partitions 0..1");
    }

    @Test
    void shouldFailWithinTheTimeoutWhenNoBrokerAnswers() {
        long start = System.nanoTime();

        Result result = new CliRunner(Map.of(), home)
                .run(
                        "replay",
                        "--topic",
                        "evalify.tasks",
                        "--from-offset",
                        "0",
                        "--bootstrap-servers",
                        "127.0.0.1:1",
                        "--timeout",
                        "PT2S");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.API_UNREACHABLE);
        assertThat(result.err()).contains("cannot reach the Kafka broker at 127.0.0.1:1");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    private Result replay(String... args) {
        Map<String, String> env = Map.of(BrokerTarget.ENV, broker.getBrokersAsString());
        return new CliRunner(env, home).run(prepend("replay", args));
    }

    private static String[] prepend(String first, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    private static TaskEvent task(String job, String student, int attempt) {
        Instant failed = attempt > 1 ? T0 : null;
        return new TaskEvent(job, "quiz-1", student, null, false, TaskLane.OBJECTIVE, attempt, T0, failed);
    }

    private static DeadLetter deadLetter(TaskEvent task) {
        TaskFailure failure = new TaskFailure("BACKEND_UNAVAILABLE", "backend down", true, 4, T0, T0);
        return new DeadLetter(
                task, task == null ? "not json" : null, failure, new DeadLetter.Source("evalify.tasks", 0, 1), T0);
    }

    private static Serializer<DeadLetter> letters() {
        return Topics.DEAD_LETTERS.valueSerde().serializer();
    }

    private <V> void send(String topic, String key, V value, Serializer<V> serializer, Instant timestamp) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        try (var producer = new KafkaProducer<>(props, Topics.TASKS.keySerde().serializer(), serializer)) {
            Long millis = timestamp == null ? null : timestamp.toEpochMilli();
            producer.send(new ProducerRecord<>(topic, null, millis, key, value));
        }
    }

    /** The tasks of {@code job} that the replay published: fresh first attempts, enqueued now, not at T0. */
    private List<TaskEvent> republishedOf(String job) {
        return recordsOf(job).stream()
                .filter(t -> t.enqueuedAt().isAfter(T0.plusSeconds(1)))
                .toList();
    }

    /** Every task of {@code job} on the task topic, read without a group. */
    private List<TaskEvent> recordsOf(String job) {
        List<TaskEvent> found = new ArrayList<>();
        try (var consumer = consumer(null, Topics.TASKS.valueSerde().deserializer())) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (job.equals(r.value().jobId())) {
                        found.add(r.value());
                    }
                });
            }
        }
        return found;
    }

    /** A stand-in for the live worker group: consumes the task topic to its end and commits. */
    private Map<TopicPartition, OffsetAndMetadata> consumeAllAndCommit(String group) {
        try (var consumer = consumer(group, Topics.TASKS.valueSerde().deserializer())) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            ends.forEach((p, end) -> commit.put(p, new OffsetAndMetadata(end)));
            consumer.commitSync(commit);
            return commit;
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets(String group) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
            return admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
        } catch (ExecutionException e) {
            throw new AssertionError("cannot read the offsets of group " + group, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private <V> KafkaConsumer<String, V> consumer(String group, Deserializer<V> values) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(props, Topics.TASKS.keySerde().deserializer(), values);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, ?> consumer) {
        return consumer.partitionsFor(Topics.TASKS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
    }
}
