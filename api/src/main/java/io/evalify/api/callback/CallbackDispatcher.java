package io.evalify.api.callback;

import io.evalify.api.config.ApiProperties;
import io.evalify.api.view.JobViews;
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
 * queue (written when the job is created); every {@code poll-interval} this asks {@link PendingCallbacks} for the
 * ones due, and for each claims the attempt with a lease (one Lua script, so only one API instance sends it; the
 * lease lets another instance take over if this one dies) and makes it on a virtual thread. A failed attempt is
 * written to the job with the time of the next one, so retries survive a restart and hold no thread while they
 * wait; the last one settles the callback {@code failed}, which the job's status shows. The worker never waits
 * for any of this.
 */
@Component
class CallbackDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);
    private static final int BATCH = 100;

    private final JobStore jobs;
    private final CallbackSender sender;
    private final CallbackRetryPolicy retries;
    private final PendingCallbacks pending;
    private final ApiProperties properties;
    private final Clock clock;
    private final String owner = "api-" + UUID.randomUUID();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    CallbackDispatcher(JobStore jobs, CallbackSender sender, ApiProperties properties, Clock clock) {
        this.jobs = jobs;
        this.sender = sender;
        this.retries = new CallbackRetryPolicy(properties.callback());
        this.pending = new PendingCallbacks(jobs, properties.callback().scanLimit());
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${evalify.api.callback.poll-interval:2s}")
    void dispatch() {
        pending.due(clock.instant()).stream()
                .filter(job -> !inFlight.contains(job.jobId()))
                .limit(BATCH)
                .forEach(this::claim);
    }

    private void claim(JobSnapshot job) {
        var claim = jobs.claimCallback(job.jobId(), owner, properties.callback().lease());
        if ("claimed".equals(claim) && inFlight.add(job.jobId())) {
            Thread.ofVirtual().name("callback-" + job.jobId()).start(() -> attempt(job));
        } else if ("done".equals(claim) || "missing".equals(claim)) {
            jobs.forgetCallback(job.jobId());
        }
    }

    private void attempt(JobSnapshot scanned) {
        try {
            // Read again under the claim: another instance may have made an attempt since the scan.
            var job = jobs.find(scanned.jobId()).orElse(scanned);
            int attempt = job.callback().attempts() + 1;
            var response = sender.send(
                    job.callbackUrl(), webhookId(job), attempt, clock.instant().getEpochSecond(), body(job));
            settle(job, attempt, response);
        } catch (RuntimeException e) {
            log.warn(
                    "Callback of job {} could not be settled; it is retried when its lease runs out",
                    scanned.jobId(),
                    e);
        } finally {
            inFlight.remove(scanned.jobId());
        }
    }

    private void settle(JobSnapshot job, int attempt, CallbackSender.Response response) {
        // A refusal on our side (host no longer allowed) made no request, so it counts as no attempt.
        int attempts = response.attempted() ? attempt : attempt - 1;
        switch (retries.after(attempt, response, clock.instant())) {
            case CallbackRetryPolicy.Decision.Delivered d -> {
                jobs.settleCallback(job.jobId(), true, attempt, null);
                log.info("Callback of job {} delivered at attempt {}", job.jobId(), attempt);
            }
            case CallbackRetryPolicy.Decision.GiveUp g -> {
                jobs.settleCallback(job.jobId(), false, attempts, response.error());
                log.warn(
                        "Callback of job {} given up after {} attempt(s): {}", job.jobId(), attempts, response.error());
            }
            case CallbackRetryPolicy.Decision.RetryAt retry -> {
                jobs.deferCallback(job.jobId(), attempt, response.error(), retry.at());
                log.info(
                        "Callback attempt {} of job {} failed ({}); next at {}",
                        attempt,
                        job.jobId(),
                        response.error(),
                        retry.at());
            }
        }
    }

    /**
     * The id of this event (the job reaching this terminal status): the same on every attempt, a new one after a
     * requeue re-opened the job and it finished again. Holds no '.', which would blur the signed content.
     */
    static String webhookId(JobSnapshot job) {
        return "job_" + job.jobId() + "_" + job.finishedAt().toEpochMilli();
    }

    /** The status JSON, without the callback's own state (which changes with every attempt). */
    private byte[] body(JobSnapshot job) {
        var status = JobViews.statusOf(job, clock.instant()).withoutCallback();
        return Json.mapper().writeValueAsString(status).getBytes(StandardCharsets.UTF_8);
    }
}
