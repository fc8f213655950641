package io.evalify.api.dashboard;

import io.evalify.api.config.ApiProperties;
import io.evalify.api.view.JobViews;
import io.evalify.core.job.JobSnapshot;
import io.evalify.core.job.JobStore;
import io.evalify.schemas.job.JobStatusResponse;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates of the jobs list: one Server-Sent Event stream for every unfinished job on the page (a browser
 * opens at most six connections to a host, so one stream per row would stall the page). Every {@code poll-interval}
 * it reads the jobs in one pipelined round trip and sends a {@code job} event (the status JSON) for each job that
 * changed; it ends when every job has finished.
 */
@Controller
class JobListEvents {

    static final int MAX_JOBS = 100;

    private static final Logger log = LoggerFactory.getLogger(JobListEvents.class);

    private final JobStore jobs;
    private final ApiProperties.Events settings;
    private final Clock clock;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();

    JobListEvents(JobStore jobs, ApiProperties properties, Clock clock) {
        this.jobs = jobs;
        this.settings = properties.events();
        this.clock = clock;
    }

    @GetMapping(path = DashboardPaths.JOBS + "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@RequestParam(name = "ids") String ids) {
        var wanted = Arrays.stream(ids.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
        if (wanted.isEmpty() || wanted.size() > MAX_JOBS || open.size() >= settings.maxStreams()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "between 1 and " + MAX_JOBS + " job ids");
        }
        var emitter = new SseEmitter(settings.timeout().toMillis());
        open.add(emitter);
        emitter.onCompletion(() -> open.remove(emitter));
        emitter.onTimeout(emitter::complete);
        emitter.onError(e -> open.remove(emitter));
        Thread.ofVirtual().name("dashboard-list-events").start(() -> run(wanted, emitter));
        return emitter;
    }

    private void run(List<String> ids, SseEmitter emitter) {
        var last = new HashMap<String, Integer>();
        var pending = new ArrayList<>(ids);
        try {
            while (!pending.isEmpty() && open.contains(emitter)) {
                sendChanges(pending, last, emitter);
                LockSupport.parkNanos(settings.pollInterval().toNanos());
            }
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            log.debug("Dashboard list stream ended: {}", e.getMessage());
        } finally {
            open.remove(emitter);
        }
    }

    /** Sends each changed job and drops finished or vanished ones from {@code pending}. */
    private void sendChanges(List<String> pending, Map<String, Integer> last, SseEmitter emitter) throws IOException {
        var found = jobs.findAll(pending);
        var now = clock.instant();
        var finished = new ArrayList<String>();
        for (int i = 0; i < pending.size(); i++) {
            Optional<JobSnapshot> job = found.get(i);
            if (job.isEmpty()) {
                finished.add(pending.get(i));
                continue;
            }
            JobStatusResponse view = JobViews.statusOf(job.get(), now);
            int key = Objects.hash(view.status(), view.counts(), view.error());
            if (!Objects.equals(last.put(view.jobId(), key), key)) {
                emitter.send(SseEmitter.event().name("job").data(view, MediaType.APPLICATION_JSON));
            }
            if (view.status().isTerminal()) {
                finished.add(view.jobId());
            }
        }
        pending.removeAll(finished);
    }

    @PreDestroy
    void closeAll() {
        open.forEach(SseEmitter::complete);
    }
}
