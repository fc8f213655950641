package io.evalify.worker.failure;

import io.evalify.core.job.FailureRecord;
import io.evalify.core.job.JobStore;
import io.evalify.core.job.TaskOutcome;
import io.evalify.core.topic.TaskHeaders;
import io.evalify.core.topic.TaskRecords;
import io.evalify.core.topic.Topics;
import io.evalify.schemas.deadletter.DeadLetter;
import io.evalify.schemas.deadletter.TaskFailure;
import io.evalify.schemas.task.TaskEvent;
import io.evalify.worker.metrics.WorkerMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends a failed task where the retry policy says: to the retry topic with a due time, or to the dead-letter
 * topic with the reason in the value and the headers, counting the student as failed. Each send waits for the
 * broker, so the caller's offset is committed only after the task is safely somewhere else.
 */
public class FailurePublisher {

    private static final Logger log = LoggerFactory.getLogger(FailurePublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final JobStore jobs;
    private final RetryPolicy policy;
    private final WorkerMetrics metrics;
    private final Clock clock;

    /** A publisher over the given template, store and policy. */
    FailurePublisher(
            KafkaTemplate<String, byte[]> kafka,
            JobStore jobs,
            RetryPolicy policy,
            WorkerMetrics metrics,
            Clock clock) {
        this.kafka = kafka;
        this.jobs = jobs;
        this.policy = policy;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Retries or dead-letters {@code task}, which failed with {@code failure} while read from {@code source}. */
    public void failed(TaskEvent task, FailureClassifier.Failure failure, ConsumerRecord<String, byte[]> source) {
        var now = clock.instant();
        var retryAt = policy.retryAt(task.attempt(), failure, now);
        if (retryAt != null) {
            retry(task.nextAttempt(now), retryAt, failure);
            metrics.task(task.lane(), WorkerMetrics.TaskResult.RETRIED);
        } else {
            deadLetter(task, failure, source, now);
            metrics.task(task.lane(), WorkerMetrics.TaskResult.DEAD_LETTERED);
        }
    }

    /** Dead-letters a record that is not a task at all (a poison record): nothing to retry or count. */
    public void poison(ConsumerRecord<String, byte[]> source, String reason) {
        var letter = TaskRecords.poison(
                source.value(),
                reason,
                new DeadLetter.Source(source.topic(), source.partition(), source.offset()),
                clock.instant());
        var record = new ProducerRecord<>(
                Topics.DEAD_LETTERS.name(),
                source.key(),
                Topics.DEAD_LETTERS.valueSerde().serializer().serialize(Topics.DEAD_LETTERS.name(), letter));
        source.headers().forEach(h -> record.headers().add(h));
        TaskRecords.stamp(record.headers(), letter);
        send(record);
        log.warn(
                "Poison record {}-{}@{} dead-lettered: {}",
                source.topic(),
                source.partition(),
                source.offset(),
                reason);
    }

    private void retry(TaskEvent next, Instant dueAt, FailureClassifier.Failure failure) {
        log.info("Task {} attempt {} failed ({}); retry at {}", next.key(), next.attempt() - 1, failure.type(), dueAt);
        var record = new ProducerRecord<>(Topics.RETRY.name(), next.key(), serialize(next));
        TaskHeaders.put(record.headers(), TaskHeaders.DUE_AT, dueAt.toEpochMilli());
        send(record);
    }

    private void deadLetter(
            TaskEvent task, FailureClassifier.Failure failure, ConsumerRecord<String, byte[]> source, Instant now) {
        var first = task.firstFailedAt() == null ? now : task.firstFailedAt();
        var taskFailure = new TaskFailure(
                failure.type(),
                failure.message(),
                failure.kind() == FailureClassifier.Failure.Kind.RETRYABLE,
                task.attempt(),
                first,
                now);
        var letter = new DeadLetter(
                task,
                null,
                taskFailure,
                new DeadLetter.Source(source.topic(), source.partition(), source.offset()),
                now);
        var record = new ProducerRecord<>(
                Topics.DEAD_LETTERS.name(),
                task.key(),
                Topics.DEAD_LETTERS.valueSerde().serializer().serialize(Topics.DEAD_LETTERS.name(), letter));
        stamp(record, taskFailure, source);
        var written = send(record);
        var location = new FailureRecord.Location(written.topic(), written.partition(), written.offset());
        jobs.recordOutcome(
                task.jobId(),
                task.studentId(),
                TaskOutcome.FAILED,
                new FailureRecord(task, taskFailure, location).toJson());
        log.warn(
                "Task {} dead-lettered after {} attempt(s): {} {}",
                task.key(),
                task.attempt(),
                failure.type(),
                failure.message());
    }

    private static void stamp(ProducerRecord<String, byte[]> record, TaskFailure failure, ConsumerRecord<?, ?> source) {
        source.headers().forEach(h -> record.headers().add(h));
        TaskHeaders.stampFailure(record.headers(), failure, source.topic(), source.partition(), source.offset());
    }

    private org.apache.kafka.clients.producer.RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return kafka.send(record).get().getRecordMetadata();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish to " + record.topic(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to " + record.topic(), e);
        }
    }

    private static byte[] serialize(TaskEvent task) {
        return Topics.RETRY.valueSerde().serializer().serialize(Topics.RETRY.name(), task);
    }
}
