package io.evalify.api.job;

import io.evalify.api.config.ApiProperties;
import io.evalify.api.view.JobViews;
import io.evalify.api.web.ApiProblem;
import io.evalify.core.job.JobSnapshot;
import io.evalify.core.job.JobStore;
import io.evalify.schemas.job.JobStatusResponse;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Event streams of job progress. Each stream is one virtual thread that reads the job from Redis every
 * {@code poll-interval} and sends a {@code progress} event (the status JSON) whenever the status, the counts or
 * the error changed; a {@code done} event with the terminal status ends the stream. A comment line is sent when
 * the stream has been silent for {@code heartbeat}, so proxies keep it open; after {@code timeout} the stream is
 * completed and the client reconnects. A job that disappears (retention) ends its stream with a {@code gone} event.
 */
@Component
class JobEventStreams {

    static final String PROGRESS = "progress";
    static final String DONE = "done";
    static final String GONE = "gone";

    private static final Logger log = LoggerFactory.getLogger(JobEventStreams.class);

    private final JobStore jobs;
    private final ApiProperties.Events settings;
    private final Clock clock;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();

    JobEventStreams(JobStore jobs, ApiProperties properties, Clock clock) {
        this.jobs = jobs;
        this.settings = properties.events();
        this.clock = clock;
    }

    /**
     * Opens a stream of the job's progress.
     *
     * @throws ApiProblem 404 for an unknown job, 503 when too many streams are open
     */
    SseEmitter open(String jobId) {
        var first = jobs.find(jobId).orElseThrow(() -> ApiProblem.jobNotFound(jobId));
        if (open.size() >= settings.maxStreams()) {
            throw ApiProblem.dependencyFailed(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "too-many-streams",
                    "Too many event streams",
                    "This instance has " + settings.maxStreams() + " open streams; poll the status URL instead.");
        }
        var stream = new Stream(jobId, new SseEmitter(settings.timeout().toMillis()));
        open.add(stream);
        stream.emitter.onCompletion(stream::close);
        stream.emitter.onTimeout(stream::finish);
        stream.emitter.onError(e -> stream.close());
        Thread.ofVirtual().name("job-events-" + jobId).start(() -> stream.run(first));
        return stream.emitter;
    }

    /** Number of streams open now. */
    int openStreams() {
        return open.size();
    }

    @PreDestroy
    void closeAll() {
        open.forEach(Stream::finish);
    }

    /** One client's stream. */
    private final class Stream {

        private final String jobId;
        private final SseEmitter emitter;
        private volatile boolean closed;
        private long sequence;
        private Instant lastSent;

        Stream(String jobId, SseEmitter emitter) {
            this.jobId = jobId;
            this.emitter = emitter;
        }

        void run(JobSnapshot first) {
            try {
                loop(first);
            } catch (IOException | IllegalStateException e) {
                log.debug("Event stream of job {} ended: {}", jobId, e.getMessage());
                close();
            } catch (RuntimeException e) {
                log.warn("Event stream of job {} failed", jobId, e);
                emitter.completeWithError(e);
                close();
            }
        }

        private void loop(JobSnapshot first) throws IOException {
            Object lastKey = null;
            var job = first;
            while (!closed) {
                var view = JobViews.statusOf(job, clock.instant());
                if (view.status().isTerminal()) {
                    send(DONE, view);
                    finish();
                    return;
                }
                lastKey = sendIfChanged(view, lastKey);
                LockSupport.parkNanos(settings.pollInterval().toNanos());
                var next = jobs.find(jobId);
                if (next.isEmpty()) {
                    emitter.send(SseEmitter.event().name(GONE).data("{\"job_id\":\"" + jobId + "\"}"));
                    finish();
                    return;
                }
                job = next.get();
            }
        }

        private Object sendIfChanged(JobStatusResponse view, Object lastKey) throws IOException {
            var key = Objects.hash(view.status(), view.counts(), view.error());
            if (!Objects.equals(key, lastKey)) {
                send(PROGRESS, view);
            } else if (Duration.between(lastSent, clock.instant()).compareTo(settings.heartbeat()) >= 0) {
                emitter.send(SseEmitter.event().comment("keep-alive"));
                lastSent = clock.instant();
            }
            return key;
        }

        private void send(String name, JobStatusResponse view) throws IOException {
            emitter.send(SseEmitter.event()
                    .id(String.valueOf(++sequence))
                    .name(name)
                    .data(view, MediaType.APPLICATION_JSON));
            lastSent = clock.instant();
        }

        void finish() {
            if (!closed) {
                closed = true;
                emitter.complete();
            }
            open.remove(this);
        }

        void close() {
            closed = true;
            open.remove(this);
        }
    }
}
