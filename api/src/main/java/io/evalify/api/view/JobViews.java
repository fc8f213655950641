package io.evalify.api.view;

import io.evalify.api.web.ApiProblem;
import io.evalify.core.job.JobSnapshot;
import io.evalify.schemas.job.JobStatus;
import io.evalify.schemas.job.JobStatusResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a job is shown to callers: the snapshot's status JSON with a summary of failed students added. Its own
 * package, so the job API, the dashboard and the completion callbacks all show a job the same way without the
 * callbacks depending on the job API that uses them.
 */
public final class JobViews {

    /** The job API's base path. */
    public static final String BASE = "/api/v1/jobs/evaluation";

    private JobViews() {}

    /** A status filter as callers write it (any case), or null for none; 400 naming {@code status} otherwise. */
    public static JobStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return JobStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter("status", "must be one of " + Arrays.toString(JobStatus.values()));
        }
    }

    /** The job's status URL, relative to the API's base. */
    public static String statusUrl(String jobId) {
        return BASE + "/" + jobId;
    }

    /**
     * The status JSON; when students failed, {@code error} says how many and where to read why, e.g. "3 students
     * failed; see /api/v1/jobs/evaluation/{id}/failures" (after the job's own error, if it has one).
     */
    public static JobStatusResponse statusOf(JobSnapshot job, Instant now) {
        var response = job.toResponse(now);
        if (job.failed() == 0) {
            return response;
        }
        var summary = job.failed() + (job.failed() == 1 ? " student" : " students") + " failed; see "
                + statusUrl(job.jobId()) + "/failures";
        var error = response.error() == null ? summary : response.error() + "; " + summary;
        return new JobStatusResponse(
                response.jobId(),
                response.quizId(),
                response.status(),
                response.counts(),
                response.percent(),
                response.createdAt(),
                response.startedAt(),
                response.finishedAt(),
                response.ratePerSecond(),
                response.etaSeconds(),
                error);
    }
}
