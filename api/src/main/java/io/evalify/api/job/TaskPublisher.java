package io.evalify.api.job;

import io.evalify.core.topic.Topics;
import io.evalify.schemas.task.TaskEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes task events and waits until the broker has acknowledged every one of them. */
@Component
class TaskPublisher {

    private final KafkaTemplate<String, TaskEvent> template;

    TaskPublisher(KafkaTemplate<String, TaskEvent> template) {
        this.template = template;
    }

    /**
     * Sends all tasks to their lane's submission topic, keyed by {@code jobId:studentId} so a job spreads over
     * every partition.
     *
     * @throws PublishException when any send fails or the acknowledgements take longer than {@code timeout}
     */
    void publishAll(List<TaskEvent> tasks, Duration timeout) {
        var sends = tasks.stream()
                .map(task -> template.send(Topics.submitted(task.lane()).name(), task.key(), task))
                .toArray(CompletableFuture[]::new);
        template.flush();
        try {
            CompletableFuture.allOf(sends).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PublishException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException("broker did not acknowledge every task within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing", e);
        }
    }

    /** Not every task reached the broker. */
    static class PublishException extends RuntimeException {
        PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
