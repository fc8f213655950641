package io.evalify.api.callback;

import io.evalify.api.config.ApiProperties;
import io.evalify.api.job.JobViews;
import io.evalify.core.job.JobSnapshot;
import io.evalify.core.job.JobStore;
import io.evalify.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends each finished job's status to its {@code callback_url}. Jobs that asked for a callback wait in a Redis
 * queue (written when the job is created); every {@code poll-interval} this looks at the oldest of them, and for
 * each that has reached a terminal status claims the delivery with a lease (one Lua script, so only one API
 * instance sends it; the lease lets another instance take over if this one dies) and sends it on a virtual thread.
 * The outcome, delivered or given up, is written to the job hash. The worker never waits for any of this.
 */
@Component
class CallbackDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);
    private static final int BATCH = 100;

    private final JobStore jobs;
    private final CallbackSender sender;
    private final ApiProperties properties;
    private final Clock clock;
    private final String owner = "api-" + UUID.randomUUID();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    CallbackDispatcher(JobStore jobs, CallbackSender sender, ApiProperties properties, Clock clock) {
        this.jobs = jobs;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${evalify.api.callback.poll-interval:2s}")
    void dispatch() {
        for (var jobId : jobs.pendingCallbacks(BATCH)) {
            if (!inFlight.contains(jobId)) {
                consider(jobId);
            }
        }
    }

    private void consider(String jobId) {
        var job = jobs.find(jobId);
        if (job.isEmpty()) {
            jobs.forgetCallback(jobId);
        } else if (job.get().status().isTerminal() && job.get().callbackUrl() != null) {
            claim(job.get());
        }
    }

    private void claim(JobSnapshot job) {
        var claim = jobs.claimCallback(job.jobId(), owner, properties.callback().lease());
        if ("claimed".equals(claim) && inFlight.add(job.jobId())) {
            Thread.ofVirtual().name("callback-" + job.jobId()).start(() -> deliver(job));
        } else if ("done".equals(claim) || "missing".equals(claim)) {
            jobs.forgetCallback(job.jobId());
        }
    }

    void deliver(JobSnapshot job) {
        try {
            var body = Json.mapper()
                    .writeValueAsString(JobViews.statusOf(job, clock.instant()))
                    .getBytes(StandardCharsets.UTF_8);
            var delivery = sender.send(job.jobId(), job.callbackUrl(), body);
            jobs.settleCallback(job.jobId(), delivery.delivered(), delivery.attempts(), delivery.lastError());
            if (delivery.delivered()) {
                log.info("Callback of job {} delivered after {} attempt(s)", job.jobId(), delivery.attempts());
            } else {
                log.warn(
                        "Callback of job {} given up after {} attempt(s): {}",
                        job.jobId(),
                        delivery.attempts(),
                        delivery.lastError());
            }
        } catch (RuntimeException e) {
            log.warn("Callback of job {} could not be settled; it is retried when its lease runs out", job.jobId(), e);
        } finally {
            inFlight.remove(job.jobId());
        }
    }
}
