package io.evalify.worker.routing;

import io.evalify.core.topic.TaskHeaders;
import io.evalify.schemas.task.TaskEvent;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable delay: holds each retry in a state store keyed by its due time, and a wall-clock punctuator sends
 * due ones on. Waiting tasks never block other tasks of their partition (unlike a blocking back-off), and the
 * store's changelog keeps them across a crash.
 */
final class RetryScheduler extends ContextualProcessor<String, TaskEvent, String, TaskEvent> {

    private static final Logger log = LoggerFactory.getLogger(RetryScheduler.class);

    /** Store keys sort by due time: zero-padded epoch millis, then the task key. */
    private static final String KEY_FORMAT = "%015d|%s";

    private final Duration tick;
    private KeyValueStore<String, TaskEvent> store;

    RetryScheduler(Duration tick) {
        this.tick = tick;
    }

    @Override
    public void init(ProcessorContext<String, TaskEvent> context) {
        super.init(context);
        store = context.getStateStore(TaskRoutingTopology.RETRY_STORE);
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::releaseDue);
    }

    @Override
    public void process(Record<String, TaskEvent> record) {
        if (record.value() == null) {
            return;
        }
        store.put(KEY_FORMAT.formatted(dueAt(record), record.key()), record.value());
    }

    /** The due time in the record's header; without a readable one the retry is due at once. */
    private long dueAt(Record<String, TaskEvent> record) {
        var header = TaskHeaders.get(record.headers(), TaskHeaders.DUE_AT);
        long now = context().currentSystemTimeMs();
        if (header == null) {
            return now;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            log.warn(
                    "retry of {} has an unreadable {} header '{}'; sending it on now",
                    record.key(),
                    TaskHeaders.DUE_AT,
                    header);
            return now;
        }
    }

    /** Sends on every retry due by {@code now}, the punctuation's wall-clock time. */
    private void releaseDue(long now) {
        try (var due = store.range(KEY_FORMAT.formatted(0L, ""), KEY_FORMAT.formatted(now, "\uffff"))) {
            while (due.hasNext()) {
                var entry = due.next();
                var taskKey = entry.key.substring(entry.key.indexOf('|') + 1);
                context().forward(new Record<>(taskKey, entry.value, now));
                store.delete(entry.key);
            }
        }
    }
}
