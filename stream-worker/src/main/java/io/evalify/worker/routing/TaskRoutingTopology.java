package io.evalify.worker.routing;

import io.evalify.core.topic.JsonSerde;
import io.evalify.core.topic.Topics;
import io.evalify.schemas.deadletter.DeadLetter;
import io.evalify.schemas.task.TaskEvent;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.state.Stores;

/**
 * The Kafka Streams part of the worker: everything that is fast and stateful, nothing that waits on a remote.
 *
 * <ol>
 *   <li>{@code evalify.tasks.submitted.objective|llm|coding} (the API's submissions) and {@code evalify.tasks}
 *       (replays, re-queues) → parse; a record that is not a valid task goes to the dead-letter topic with the
 *       reason and its origin (a poison record never stops the stream). Each input is its own sub-topology, so
 *       its own Streams tasks: the stream thread takes turns between them, and an objective job's tasks do
 *       not wait behind the 10,000 tasks of an LLM job submitted just before.
 *   <li>Valid tasks go to their lane topic ({@code evalify.tasks.objective|llm|coding}); the key stays
 *       {@code jobId:studentId}, so no repartitioning happens.
 *   <li>{@code evalify.tasks.retry} → parsed the same way, then held in the {@value #RETRY_STORE} state store
 *       (changelogged, so a crash loses no scheduled retry) until its due time, then sent back to its lane topic.
 * </ol>
 *
 * The slow part (backend, LLM, Judge0) runs in each lane's sliding-window consumer, which keeps hundreds of
 * calls in flight; see docs/ARCHITECTURE.md for why it is not inside this topology.
 */
final class TaskRoutingTopology {

    /** Name of the retry schedule's state store. */
    public static final String RETRY_STORE = "retry-schedule";

    private TaskRoutingTopology() {}

    /** Marks, as a bean, that the topology was added to the application's StreamsBuilder. */
    public record Marker() {}

    /** Adds the routing and retry scheduling to {@code builder}. */
    public static void build(StreamsBuilder builder, Clock clock, Duration retryTick) {
        routeNewTasks(builder, clock);
        scheduleRetries(builder, retryTick, clock);
    }

    private static void routeNewTasks(StreamsBuilder builder, Clock clock) {
        Topics.routerInputs().forEach(input -> route(builder, input.name(), clock));
    }

    /** One sub-topology per input topic (see the class comment for why). */
    private static void route(StreamsBuilder builder, String input, Clock clock) {
        validTasks(parse(builder, input, clock))
                .to(toLane(), Produced.with(Serdes.String(), Topics.TASKS.valueSerde()));
    }

    /**
     * Retries are parsed like new tasks: a record on the retry topic that is not a task (written by hand, by an
     * older version) is dead-lettered rather than failing deserialization, which would stop the stream thread
     * on the same record again and again.
     */
    private static void scheduleRetries(StreamsBuilder builder, Duration retryTick, Clock clock) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RETRY_STORE), Serdes.String(), Topics.RETRY.valueSerde()));
        validTasks(parse(builder, Topics.RETRY.name(), clock))
                .process(() -> new RetryScheduler(retryTick), RETRY_STORE)
                .to(toLane(), Produced.with(Serdes.String(), Topics.RETRY.valueSerde()));
    }

    private static KStream<String, ParsedTask> parse(StreamsBuilder builder, String topic, Clock clock) {
        return builder.stream(topic, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(() -> new TaskParser(clock));
    }

    /** Sends the invalid records of {@code parsed} to the dead-letter topic and returns the valid tasks. */
    private static KStream<String, TaskEvent> validTasks(KStream<String, ParsedTask> parsed) {
        parsed.filter((key, task) -> !task.isValid())
                .mapValues(ParsedTask::deadLetter)
                .to(Topics.DEAD_LETTERS.name(), Produced.with(Serdes.String(), new JsonSerde<>(DeadLetter.class)));
        return parsed.filter((key, task) -> task.isValid()).mapValues(ParsedTask::task);
    }

    private static TopicNameExtractor<String, TaskEvent> toLane() {
        return (key, task, context) -> Topics.lane(task.lane()).name();
    }
}
