package io.evalify.worker.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.core.topic.JsonSerde;
import io.evalify.core.topic.TaskHeaders;
import io.evalify.core.topic.Topics;
import io.evalify.schemas.deadletter.DeadLetter;
import io.evalify.schemas.task.TaskEvent;
import io.evalify.schemas.task.TaskLane;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The production topology, driven by TopologyTestDriver: routing, poison records, durable retry delays. */
class TaskRoutingTopologyTest {

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> tasks;
    private TestInputTopic<String, TaskEvent> retries;
    private TestOutputTopic<String, TaskEvent> objective;
    private TestOutputTopic<String, TaskEvent> llm;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void setUp() {
        var builder = new StreamsBuilder();
        TaskRoutingTopology.build(builder, Clock.systemUTC(), Duration.ofMillis(100));
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "routing-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, "target/tmp/topology-test-" + System.nanoTime());
        driver = new TopologyTestDriver(builder.build(), props, Instant.now());
        tasks = driver.createInputTopic(
                Topics.TASKS.name(),
                Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        retries = driver.createInputTopic(
                Topics.RETRY.name(),
                Serdes.String().serializer(),
                Topics.RETRY.valueSerde().serializer());
        objective = output(Topics.LANE_OBJECTIVE.name());
        llm = output(Topics.LANE_LLM.name());
        deadLetters = driver.createOutputTopic(
                Topics.DEAD_LETTERS.name(),
                Serdes.String().deserializer(),
                new JsonSerde<>(DeadLetter.class).deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void shouldRouteEachTaskToItsLaneKeepingTheKey() {
        tasks.pipeInput("j1:s1", json(aTask("s1", TaskLane.OBJECTIVE)));
        tasks.pipeInput("j1:s2", json(aTask("s2", TaskLane.LLM)));

        assertThat(objective.readKeyValue().key).isEqualTo("j1:s1");
        assertThat(llm.readKeyValue().key).isEqualTo("j1:s2");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldRouteTheApisSubmissionsFromEachLanesTopic() {
        for (TaskLane lane : TaskLane.values()) {
            driver.createInputTopic(
                            Topics.submitted(lane).name(),
                            Serdes.String().serializer(),
                            Serdes.ByteArray().serializer())
                    .pipeInput("j1:" + lane, json(aTask(lane.name(), lane)));
        }

        assertThat(objective.readKeyValue().key).isEqualTo("j1:OBJECTIVE");
        assertThat(llm.readKeyValue().key).isEqualTo("j1:LLM");
        assertThat(output(Topics.LANE_CODING.name()).readKeyValue().key).isEqualTo("j1:CODING");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldGiveEachRouterInputItsOwnSubTopologySoNoLaneQueuesBehindAnother() {
        var builder = new StreamsBuilder();
        TaskRoutingTopology.build(builder, Clock.systemUTC(), Duration.ofMillis(100));

        var sourcesPerSubTopology = builder.build().describe().subtopologies().stream()
                .map(sub -> sub.nodes().stream()
                        .filter(node -> node instanceof TopologyDescription.Source)
                        .flatMap(node -> ((TopologyDescription.Source) node).topicSet().stream())
                        .collect(Collectors.toSet()))
                .toList();

        for (var input : Topics.routerInputs()) {
            assertThat(sourcesPerSubTopology).contains(Set.of(input.name()));
        }
    }

    @Test
    void shouldDeadLetterAPoisonRecordWithItsOriginAndKeepRouting() {
        tasks.pipeInput("j1:bad", "not json {".getBytes(StandardCharsets.UTF_8));
        tasks.pipeInput("j1:s1", json(aTask("s1", TaskLane.OBJECTIVE)));

        TestRecord<String, DeadLetter> letter = deadLetters.readRecord();
        assertThat(letter.value().rawValue()).isEqualTo("not json {");
        assertThat(letter.value().failure().type()).isEqualTo("POISON_RECORD");
        assertThat(letter.value().source().topic()).isEqualTo(Topics.TASKS.name());
        assertThat(TaskHeaders.get(letter.headers(), TaskHeaders.ORIGINAL_OFFSET))
                .isEqualTo("0");
        assertThat(objective.readKeyValue().key).isEqualTo("j1:s1");
    }

    @Test
    void shouldDeadLetterATaskWithoutItsIdentifiers() {
        tasks.pipeInput(
                "k", "{\"job_id\":\"j1\",\"override_evaluated\":false,\"attempt\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(deadLetters.readValue().failure().message()).contains("student_id");
    }

    @Test
    void shouldHoldARetryUntilItIsDueThenSendItToItsLane() {
        var due = Instant.now().plusSeconds(30);
        var headers = new RecordHeaders();
        TaskHeaders.put(headers, TaskHeaders.DUE_AT, due.toEpochMilli());
        retries.pipeInput(
                new TestRecord<>("j1:s1", aTask("s1", TaskLane.OBJECTIVE).nextAttempt(Instant.now()), headers));

        driver.advanceWallClockTime(Duration.ofSeconds(10));
        assertThat(objective.isEmpty()).isTrue();

        driver.advanceWallClockTime(Duration.ofSeconds(25));
        var released = objective.readKeyValue();
        assertThat(released.key).isEqualTo("j1:s1");
        assertThat(released.value.attempt()).isEqualTo(2);
        assertThat(objective.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterAPoisonRetryAndKeepSchedulingTheOthers() {
        var rawRetries = driver.createInputTopic(
                Topics.RETRY.name(),
                Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        rawRetries.pipeInput("j1:bad", "{\"job_id\":".getBytes(StandardCharsets.UTF_8));
        retries.pipeInput("j1:s1", aTask("s1", TaskLane.OBJECTIVE).nextAttempt(Instant.now()));

        driver.advanceWallClockTime(Duration.ofSeconds(1));

        var letter = deadLetters.readValue();
        assertThat(letter.failure().type()).isEqualTo("POISON_RECORD");
        assertThat(letter.source().topic()).isEqualTo(Topics.RETRY.name());
        assertThat(objective.readKeyValue().key).isEqualTo("j1:s1");
    }

    @Test
    void shouldSendOnAtOnceARetryWhoseDueTimeCannotBeRead() {
        var headers = new RecordHeaders();
        headers.add(TaskHeaders.DUE_AT, "soon".getBytes(StandardCharsets.UTF_8));
        retries.pipeInput(new TestRecord<>("j1:s1", aTask("s1", TaskLane.LLM).nextAttempt(Instant.now()), headers));

        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertThat(llm.readKeyValue().key).isEqualTo("j1:s1");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    private TestOutputTopic<String, TaskEvent> output(String topic) {
        return driver.createOutputTopic(
                topic, Serdes.String().deserializer(), Topics.TASKS.valueSerde().deserializer());
    }

    private static TaskEvent aTask(String student, TaskLane lane) {
        return new TaskEvent("j1", "q1", student, null, false, lane, 1, Instant.now(), null);
    }

    private static byte[] json(TaskEvent task) {
        return Topics.TASKS.valueSerde().serializer().serialize(Topics.TASKS.name(), task);
    }
}
