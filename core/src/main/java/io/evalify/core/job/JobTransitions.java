package io.evalify.core.job;

import static io.evalify.schemas.job.JobStatus.CANCELLED;
import static io.evalify.schemas.job.JobStatus.CANCELLING;
import static io.evalify.schemas.job.JobStatus.COMPLETED;
import static io.evalify.schemas.job.JobStatus.COMPLETED_WITH_ERRORS;
import static io.evalify.schemas.job.JobStatus.EXPIRED;
import static io.evalify.schemas.job.JobStatus.FAILED;
import static io.evalify.schemas.job.JobStatus.QUEUED;
import static io.evalify.schemas.job.JobStatus.RUNNING;

import io.evalify.schemas.job.JobStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of allowed job status changes. The Redis scripts receive their allowed source states from
 * here, so the rule is written once.
 */
public final class JobTransitions {

    private static final Map<JobStatus, Set<JobStatus>> ALLOWED = new EnumMap<>(JobStatus.class);

    static {
        ALLOWED.put(QUEUED, EnumSet.of(RUNNING, COMPLETED, COMPLETED_WITH_ERRORS, FAILED, CANCELLING, EXPIRED));
        ALLOWED.put(RUNNING, EnumSet.of(COMPLETED, COMPLETED_WITH_ERRORS, FAILED, CANCELLING, EXPIRED));
        ALLOWED.put(CANCELLING, EnumSet.of(CANCELLED, EXPIRED));
        // retry-failed re-opens a job; a replayed success can heal it without a requeue.
        ALLOWED.put(COMPLETED_WITH_ERRORS, EnumSet.of(RUNNING, COMPLETED));
        ALLOWED.put(COMPLETED, EnumSet.noneOf(JobStatus.class));
        ALLOWED.put(FAILED, EnumSet.noneOf(JobStatus.class));
        ALLOWED.put(CANCELLED, EnumSet.noneOf(JobStatus.class));
        ALLOWED.put(EXPIRED, EnumSet.noneOf(JobStatus.class));
    }

    private JobTransitions() {}

    /** True when a job may move from {@code from} to {@code to}. */
    public static boolean isAllowed(JobStatus from, JobStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** Every status from which {@code to} may be reached. */
    public static Set<JobStatus> sourcesOf(JobStatus to) {
        var sources = EnumSet.noneOf(JobStatus.class);
        ALLOWED.forEach((from, targets) -> {
            if (targets.contains(to)) {
                sources.add(from);
            }
        });
        return sources;
    }

    /** Throws when the change is not in the table. */
    public static void check(String jobId, JobStatus from, JobStatus to) {
        if (!isAllowed(from, to)) {
            throw new IllegalJobStateChangeException(jobId, from, to);
        }
    }
}
