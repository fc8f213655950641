package io.evalify.api.job;

import io.evalify.api.view.JobViews;
import io.evalify.api.web.ApiProblem;
import io.evalify.core.job.JobStore;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A job's failed students: why each failed ({@code GET /{id}/failures}), a requeue of them all or of one. */
@RestController
@RequestMapping(JobController.BASE)
class JobFailuresController {

    static final int MAX_PAGE_SIZE = 1000;

    private final FailureService failures;
    private final JobStore jobs;
    private final Clock clock;

    JobFailuresController(FailureService failures, JobStore jobs, Clock clock) {
        this.failures = failures;
        this.jobs = jobs;
        this.clock = clock;
    }

    @GetMapping(path = "/{jobId}/failures", produces = MediaType.APPLICATION_JSON_VALUE)
    FailurePage failures(
            @PathVariable String jobId,
            @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "size", defaultValue = "100") int size) {
        if (page < 0 || page > JobController.MAX_PAGE) {
            throw ApiProblem.badParameter("page", "must be between 0 and " + JobController.MAX_PAGE);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.badParameter("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return failures.failures(jobId, page, size);
    }

    /** 202 with the number of requeued students (200 when there were none); 503 when the broker refused. */
    @PostMapping(path = "/{jobId}/retry-failed", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RetryResult> retryFailed(@PathVariable String jobId) {
        int requeued = failures.retryFailed(jobId);
        var job = jobs.find(jobId)
                .map(j -> JobViews.statusOf(j, clock.instant()))
                .orElseThrow(() -> ApiProblem.jobNotFound(jobId));
        var status = requeued == 0 ? HttpStatus.OK : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status).body(new RetryResult(jobId, requeued, JobViews.statusUrl(jobId), job));
    }

    /** 202 when the student's task was published again; 404 when the student has no failure to retry. */
    @PostMapping(path = "/{jobId}/failures/{studentId}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RetryResult> retryStudent(@PathVariable String jobId, @PathVariable String studentId) {
        failures.retryStudent(jobId, studentId);
        var job = jobs.find(jobId)
                .map(j -> JobViews.statusOf(j, clock.instant()))
                .orElseThrow(() -> ApiProblem.jobNotFound(jobId));
        return ResponseEntity.accepted().body(new RetryResult(jobId, 1, JobViews.statusUrl(jobId), job));
    }
}
