package io.evalify.core.topic;

import io.evalify.schemas.deadletter.DeadLetter;
import io.evalify.schemas.deadletter.TaskFailure;
import io.evalify.schemas.task.TaskEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;

/**
 * What a task record is, and what becomes of one that is not (a poison record): the one definition the router and
 * the lane consumers share. A poison record is dead-lettered at once with its raw value, never retried or counted,
 * since it names no student to count.
 */
public final class TaskRecords {

    /** The failure type of a poison record's dead letter. */
    public static final String POISON = "POISON_RECORD";

    private static final JsonSerde<TaskEvent> SERDE = new JsonSerde<>(TaskEvent.class);

    private TaskRecords() {}

    /**
     * The task a record's value holds.
     *
     * @throws SerializationException when the value is empty, not a task (JSON {@code null} included), or lacks
     *     job_id, quiz_id, student_id or lane
     */
    public static TaskEvent parse(byte[] value) {
        if (value == null) {
            throw new SerializationException("empty record value");
        }
        var task = SERDE.read(value);
        if (task == null
                || task.jobId() == null
                || task.quizId() == null
                || task.studentId() == null
                || task.lane() == null) {
            throw new SerializationException("task lacks job_id, quiz_id, student_id or lane");
        }
        return task;
    }

    /** The dead letter of a poison record read at {@code source}: its value as text, the reason, one attempt. */
    public static DeadLetter poison(byte[] value, String reason, DeadLetter.Source source, Instant now) {
        var failure = new TaskFailure(POISON, reason, false, 1, now, now);
        var raw = value == null ? null : new String(value, StandardCharsets.UTF_8);
        return new DeadLetter(null, raw, failure, source, now);
    }

    /** Writes a dead letter's failure and origin into the headers of the record that carries it. */
    public static void stamp(Headers headers, DeadLetter letter) {
        var source = letter.source();
        TaskHeaders.stampFailure(headers, letter.failure(), source.topic(), source.partition(), source.offset());
    }
}
