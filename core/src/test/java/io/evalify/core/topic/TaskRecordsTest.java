package io.evalify.core.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.evalify.schemas.deadletter.DeadLetter;
import io.evalify.schemas.task.TaskEvent;
import io.evalify.schemas.task.TaskLane;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** What a task record is, and the dead letter of one that is not: the router's and the lanes' one definition. */
class TaskRecordsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final DeadLetter.Source SOURCE = new DeadLetter.Source("evalify.tasks", 3, 42);

    @Test
    void shouldReadACompleteTask() {
        var task = new TaskEvent("job", "quiz", "student", null, false, TaskLane.LLM, 1, NOW, null);

        assertThat(TaskRecords.parse(Topics.TASKS.valueSerde().serializer().serialize("t", task)))
                .isEqualTo(task);
    }

    @Test
    void shouldRejectEveryValueThatIsNotACompleteTask() {
        for (var value : new String[] {"not json", "null", "{\"job_id\":\"job\",\"quiz_id\":\"quiz\"}", "[]"}) {
            assertThatThrownBy(() -> TaskRecords.parse(value.getBytes(StandardCharsets.UTF_8)))
                    .as(value)
                    .isInstanceOf(SerializationException.class);
        }
        assertThatThrownBy(() -> TaskRecords.parse(null))
                .isInstanceOf(SerializationException.class)
                .hasMessage("empty record value");
    }

    @Test
    void shouldDeadLetterAPoisonRecordWithItsRawValueOnceAndNotRetryable() {
        var letter = TaskRecords.poison("not json".getBytes(StandardCharsets.UTF_8), "Not a valid task", SOURCE, NOW);

        assertThat(letter.task()).isNull();
        assertThat(letter.rawValue()).isEqualTo("not json");
        assertThat(letter.source()).isEqualTo(SOURCE);
        assertThat(letter.deadLetteredAt()).isEqualTo(NOW);
        assertThat(letter.failure().type()).isEqualTo(TaskRecords.POISON);
        assertThat(letter.failure().retryable()).isFalse();
        assertThat(letter.failure().attempts()).isEqualTo(1);
        assertThat(TaskRecords.poison(null, "empty record value", SOURCE, NOW).rawValue())
                .isNull();
    }

    @Test
    void shouldStampTheFailureAndTheOriginIntoTheHeaders() {
        var headers = new RecordHeaders();

        TaskRecords.stamp(headers, TaskRecords.poison(new byte[0], "empty", SOURCE, NOW));

        assertThat(TaskHeaders.get(headers, TaskHeaders.ERROR_TYPE)).isEqualTo("POISON_RECORD");
        assertThat(TaskHeaders.get(headers, TaskHeaders.ERROR_MESSAGE)).isEqualTo("empty");
        assertThat(TaskHeaders.get(headers, TaskHeaders.ORIGINAL_TOPIC)).isEqualTo("evalify.tasks");
        assertThat(TaskHeaders.get(headers, TaskHeaders.ORIGINAL_PARTITION)).isEqualTo("3");
        assertThat(TaskHeaders.get(headers, TaskHeaders.ORIGINAL_OFFSET)).isEqualTo("42");
    }
}
