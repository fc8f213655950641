package io.evalify.core.topic;

import io.evalify.schemas.deadletter.DeadLetter;
import io.evalify.schemas.task.TaskEvent;
import io.evalify.schemas.task.TaskLane;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic registry. Flow: the API publishes to {@link #TASKS}; the worker's Streams topology routes each
 * task to its lane topic; a lane's call stage grades and saves; transient failures go to {@link #RETRY}
 * (held in a state store until due), final ones to {@link #DEAD_LETTERS}.
 */
public final class Topics {

    /** Every task as the API publishes it, keyed by {@code jobId:studentId}. */
    public static final Topic<String, TaskEvent> TASKS = task("evalify.tasks");

    /** Tasks of objective-only quizzes. */
    public static final Topic<String, TaskEvent> LANE_OBJECTIVE = task("evalify.tasks.objective");

    /** Tasks that need the LLM. */
    public static final Topic<String, TaskEvent> LANE_LLM = task("evalify.tasks.llm");

    /** Tasks that need Judge0. */
    public static final Topic<String, TaskEvent> LANE_CODING = task("evalify.tasks.coding");

    /** Tasks waiting for a retry; the {@code evalify-due-at} header says when. */
    public static final Topic<String, TaskEvent> RETRY = task("evalify.tasks.retry");

    /** Tasks that failed for good, with the reason; replayable. */
    public static final Topic<String, DeadLetter> DEAD_LETTERS =
            new Topic<>("evalify.tasks.dlt", Serdes.String(), new JsonSerde<>(DeadLetter.class));

    private Topics() {}

    /** The topic of a lane. */
    public static Topic<String, TaskEvent> lane(TaskLane lane) {
        return switch (lane) {
            case OBJECTIVE -> LANE_OBJECTIVE;
            case LLM -> LANE_LLM;
            case CODING -> LANE_CODING;
        };
    }

    /** Every topic, for creating them at start-up. */
    public static List<Topic<String, ?>> all() {
        return List.of(TASKS, LANE_OBJECTIVE, LANE_LLM, LANE_CODING, RETRY, DEAD_LETTERS);
    }

    private static Topic<String, TaskEvent> task(String name) {
        return new Topic<>(name, Serdes.String(), new JsonSerde<>(TaskEvent.class));
    }
}
