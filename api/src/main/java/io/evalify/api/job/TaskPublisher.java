package io.evalify.api.job;

import io.evalify.core.topic.Topics;
import io.evalify.schemas.task.TaskEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes task events and waits until the broker has acknowledged every one of them, within a time-out.
 *
 * <p>The producer's own time-outs are bound to the same publish time-out ({@code ApiConfiguration}), so with the
 * broker unreachable a send that waits for metadata or buffer space throws within it, and a record waiting for
 * its acknowledgement fails within it; every such failure, thrown at once or reported later, is a
 * {@link PublishException}. Records the broker has not acknowledged when this gives up may still reach it later:
 * the caller ends the job first, and workers skip the tasks of an ended job.
 */
@Component
class TaskPublisher {

    private final KafkaTemplate<String, TaskEvent> template;

    TaskPublisher(KafkaTemplate<String, TaskEvent> template) {
        this.template = template;
    }

    /**
     * Sends all tasks to their lane's submission topic, keyed by {@code jobId:studentId} so a job spreads over
     * every partition. It keeps a count of acknowledgements, not a future per task: what a large job holds while
     * publishing is the producer's buffer ({@code buffer.memory}; a send waits for room), not one object per
     * student. The first failure ends the wait.
     *
     * @throws PublishException when any send fails or the acknowledgements take longer than {@code timeout}
     */
    void publishAll(List<TaskEvent> tasks, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        var acknowledgements = new Acknowledgements(tasks.size());
        try {
            for (var task : tasks) {
                template.send(Topics.submitted(task.lane()).name(), task.key(), task)
                        .whenComplete(acknowledgements::record);
            }
            acknowledgements.all().get(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
        } catch (KafkaException | org.springframework.kafka.KafkaException e) {
            // Thrown by send itself: no metadata or no buffer space within max.block.ms, a closed producer.
            throw new PublishException(reason(e), e);
        } catch (ExecutionException e) {
            throw new PublishException(reason(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException(
                    "the broker did not acknowledge " + acknowledgements.outstanding() + " of " + tasks.size()
                            + " tasks within " + timeout,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing", e);
        }
    }

    /** Counts the broker's answers to a batch of sends; done when all are acknowledged or at the first failure. */
    private static final class Acknowledgements {

        private final AtomicLong outstanding;
        private final CompletableFuture<Void> all = new CompletableFuture<>();

        Acknowledgements(long sends) {
            outstanding = new AtomicLong(sends);
            if (sends == 0) {
                all.complete(null);
            }
        }

        void record(Object result, Throwable failure) {
            if (failure != null) {
                all.completeExceptionally(failure);
            } else if (outstanding.decrementAndGet() == 0) {
                all.complete(null);
            }
        }

        CompletableFuture<Void> all() {
            return all;
        }

        long outstanding() {
            return outstanding.get();
        }
    }

    /** The innermost Kafka client message: it names the cause (a time-out, the topic, the broker's error). */
    private static String reason(Throwable failure) {
        String reason = failure.getMessage();
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof KafkaException && cause.getMessage() != null) {
                reason = cause.getMessage();
            }
        }
        return reason == null ? failure.getClass().getSimpleName() : reason;
    }

    /** Not every task reached the broker. */
    static class PublishException extends RuntimeException {
        PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
