package io.evalify.worker.routing;

import io.evalify.core.topic.JsonSerde;
import io.evalify.core.topic.TaskHeaders;
import io.evalify.schemas.deadletter.DeadLetter;
import io.evalify.schemas.deadletter.TaskFailure;
import io.evalify.schemas.task.TaskEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Parses raw task records; anything that is not a complete task becomes a dead letter instead of an error. */
final class TaskParser extends ContextualProcessor<String, byte[], String, ParsedTask> {

    private static final Logger log = LoggerFactory.getLogger(TaskParser.class);
    private static final JsonSerde<TaskEvent> SERDE = new JsonSerde<>(TaskEvent.class);

    private final Clock clock;

    TaskParser(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        try {
            var task = validated(record.value());
            context().forward(record.withValue(new ParsedTask(task, null)));
        } catch (SerializationException e) {
            context().forward(poison(record, e.getMessage()));
        }
    }

    private static TaskEvent validated(byte[] value) {
        if (value == null) {
            throw new SerializationException("empty record value");
        }
        var task = SERDE.read(value);
        if (task.jobId() == null || task.quizId() == null || task.studentId() == null || task.lane() == null) {
            throw new SerializationException("task lacks job_id, quiz_id, student_id or lane");
        }
        return task;
    }

    private Record<String, ParsedTask> poison(Record<String, byte[]> record, String reason) {
        var meta = context().recordMetadata().orElseThrow();
        log.warn(
                "Poison record at {}-{}@{} sent to the dead-letter topic: {}",
                meta.topic(),
                meta.partition(),
                meta.offset(),
                reason);
        var now = clock.instant();
        var failure = new TaskFailure("POISON_RECORD", reason, false, 1, now, now);
        var raw = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        var letter = new DeadLetter(null, raw, failure, source(meta), now);
        var out = record.withValue(new ParsedTask(null, letter));
        TaskHeaders.stampFailure(out.headers(), failure, meta.topic(), meta.partition(), meta.offset());
        return out;
    }

    private static DeadLetter.Source source(RecordMetadata meta) {
        return new DeadLetter.Source(meta.topic(), meta.partition(), meta.offset());
    }
}
