package io.evalify.api.job;

import io.evalify.api.config.ApiProperties;
import io.evalify.core.job.IllegalJobStateChangeException;
import io.evalify.core.job.JobSnapshot;
import io.evalify.core.job.JobStore;
import io.evalify.core.job.RetentionProperties;
import io.evalify.schemas.job.JobStatus;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends jobs that can no longer end by themselves: a job whose tasks never all reached the broker (the API died
 * mid-publish) becomes FAILED once its publish lease runs out; a job past its deadline becomes EXPIRED with its
 * partial counts. Safe to run on every API instance: each change is a guarded transition.
 */
@Component
class JobSweeper {

    private static final Logger log = LoggerFactory.getLogger(JobSweeper.class);
    private static final int PAGE = 500;

    private final JobStore jobs;
    private final ApiProperties properties;
    private final RetentionProperties retention;
    private final Clock clock;

    JobSweeper(JobStore jobs, ApiProperties properties, RetentionProperties retention, Clock clock) {
        this.jobs = jobs;
        this.properties = properties;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${evalify.api.sweep-interval:30s}")
    void sweep() {
        var now = clock.instant();
        jobs.pruneIndex(now.minus(retention.failed()));
        // Only a job younger than its deadline (plus slack for clock skew) can still be unfinished.
        var since = now.minus(properties.jobDeadline()).minus(java.time.Duration.ofHours(1));
        for (long offset = 0; ; offset += PAGE) {
            var ids = jobs.idsCreatedSince(since, offset, PAGE);
            ids.forEach(id -> jobs.find(id).ifPresent(this::sweep));
            if (ids.size() < PAGE) {
                return;
            }
        }
    }

    void sweep(JobSnapshot job) {
        var now = clock.instant();
        if (job.status() == JobStatus.QUEUED
                && !job.published()
                && job.createdAt().plus(properties.publishLease()).isBefore(now)) {
            end(job, JobStatus.FAILED, "Task publishing did not complete (the API stopped while publishing)");
        } else if (!job.status().isTerminal()
                && job.deadline() != null
                && job.deadline().isBefore(now)) {
            end(job, JobStatus.EXPIRED, "Deadline passed with " + job.processed() + " of " + job.total() + " done");
        }
    }

    private void end(JobSnapshot job, JobStatus status, String reason) {
        try {
            jobs.transition(job.jobId(), status, reason);
            log.warn("Job {} is now {}: {}", job.jobId(), status, reason);
        } catch (IllegalJobStateChangeException e) {
            log.debug("Job {} changed meanwhile: {}", job.jobId(), e.getMessage());
        }
    }
}
