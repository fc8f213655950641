package io.evalify.core.topic;

import io.evalify.schemas.deadletter.DeadLetter;
import io.evalify.schemas.task.TaskEvent;
import io.evalify.schemas.task.TaskLane;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic registry. Flow: the API publishes each task to its lane's submission topic ({@link
 * #submitted}); replays and re-queued failures go to {@link #TASKS}; the worker's Streams topology checks
 * every task of these inputs and routes it to its lane topic; a lane's call stage grades and saves; transient
 * failures go to {@link #RETRY} (held in a state store until due), final ones to {@link #DEAD_LETTERS}.
 */
public final class Topics {

    /** Tasks replayed by operators or re-queued by the API, keyed by {@code jobId:studentId}. */
    public static final Topic<String, TaskEvent> TASKS = task("evalify.tasks");

    /**
     * Tasks of objective-only jobs as the API submits them. One submission topic per lane, like RQ's separate
     * queues: in one shared topic an objective job's tasks would wait in the router behind every task of an LLM
     * job submitted just before it.
     */
    public static final Topic<String, TaskEvent> SUBMITTED_OBJECTIVE = task("evalify.tasks.submitted.objective");

    /** Tasks of jobs that need the LLM, as the API submits them. */
    public static final Topic<String, TaskEvent> SUBMITTED_LLM = task("evalify.tasks.submitted.llm");

    /** Tasks of jobs that need Judge0, as the API submits them. */
    public static final Topic<String, TaskEvent> SUBMITTED_CODING = task("evalify.tasks.submitted.coding");

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

    /** The topic the API submits a lane's tasks to. */
    public static Topic<String, TaskEvent> submitted(TaskLane lane) {
        return switch (lane) {
            case OBJECTIVE -> SUBMITTED_OBJECTIVE;
            case LLM -> SUBMITTED_LLM;
            case CODING -> SUBMITTED_CODING;
        };
    }

    /** What the router reads: the replay topic and every lane's submission topic. */
    public static List<Topic<String, TaskEvent>> routerInputs() {
        return List.of(TASKS, SUBMITTED_OBJECTIVE, SUBMITTED_LLM, SUBMITTED_CODING);
    }

    /** Every topic, for creating them at start-up. */
    public static List<Topic<String, ?>> all() {
        return List.of(
                TASKS,
                SUBMITTED_OBJECTIVE,
                SUBMITTED_LLM,
                SUBMITTED_CODING,
                LANE_OBJECTIVE,
                LANE_LLM,
                LANE_CODING,
                RETRY,
                DEAD_LETTERS);
    }

    private static Topic<String, TaskEvent> task(String name) {
        return new Topic<>(name, Serdes.String(), new JsonSerde<>(TaskEvent.class));
    }
}
