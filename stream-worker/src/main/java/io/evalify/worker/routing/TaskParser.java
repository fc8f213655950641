package io.evalify.worker.routing;

import io.evalify.core.topic.TaskRecords;
import io.evalify.schemas.deadletter.DeadLetter;
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

    private final Clock clock;

    TaskParser(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        try {
            var task = TaskRecords.parse(record.value());
            context().forward(record.withValue(new ParsedTask(task, null)));
        } catch (SerializationException e) {
            context().forward(poison(record, e.getMessage()));
        }
    }

    private Record<String, ParsedTask> poison(Record<String, byte[]> record, String reason) {
        var meta = context().recordMetadata().orElseThrow();
        log.warn(
                "Poison record at {}-{}@{} sent to the dead-letter topic: {}",
                meta.topic(),
                meta.partition(),
                meta.offset(),
                reason);
        var letter = TaskRecords.poison(record.value(), reason, source(meta), clock.instant());
        var out = record.withValue(new ParsedTask(null, letter));
        TaskRecords.stamp(out.headers(), letter);
        return out;
    }

    private static DeadLetter.Source source(RecordMetadata meta) {
        return new DeadLetter.Source(meta.topic(), meta.partition(), meta.offset());
    }
}
