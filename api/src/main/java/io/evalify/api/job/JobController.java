package io.evalify.api.job;

import io.evalify.api.view.JobViews;
import io.evalify.api.web.ApiProblem;
import io.evalify.core.job.JobStore;
import io.evalify.schemas.SchemaName;
import io.evalify.schemas.job.JobAccepted;
import io.evalify.schemas.job.JobStatus;
import io.evalify.schemas.job.JobStatusResponse;
import io.evalify.schemas.job.JobSubmission;
import java.net.URI;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/jobs/evaluation}: create a job, list jobs, read a job's status, cancel it. */
@RestController
@RequestMapping(JobController.BASE)
class JobController {

    static final String BASE = JobViews.BASE;
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_PAGE = 10_000;

    private final JobSubmissionService submissions;
    private final SubmissionReader reader;
    private final JobStore jobs;
    private final JobListing listing;
    private final JobStatusCache statuses;
    private final Clock clock;

    JobController(
            JobSubmissionService submissions,
            SubmissionReader reader,
            JobStore jobs,
            JobListing listing,
            JobStatusCache statuses,
            Clock clock) {
        this.submissions = submissions;
        this.reader = reader;
        this.jobs = jobs;
        this.listing = listing;
        this.statuses = statuses;
        this.clock = clock;
    }

    static String statusUrl(String jobId) {
        return JobViews.statusUrl(jobId);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = JobSubmission.class)))
    ResponseEntity<JobAccepted> create(
            @RequestBody String body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        var request = reader.read(body, SchemaName.JOB_SUBMISSION, JobSubmission.class);
        checkIdempotencyKey(idempotencyKey);
        var accepted = submissions.submit(request, idempotencyKey, SubmissionReader.hash(body));
        return ResponseEntity.accepted()
                .location(URI.create(accepted.statusUrl()))
                .body(accepted);
    }

    /**
     * Jobs newest first, by cursor: each page's {@code next_cursor} is the {@code cursor} of the next one. Offsets
     * ({@code page}) are refused rather than ignored, so an old client learns why instead of reading page 0 again.
     */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    JobPage list(
            @RequestParam(name = "quiz_id", required = false) String quizId,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "cursor", required = false) String cursor,
            @RequestParam(name = "size", defaultValue = "20") int size,
            @RequestParam(name = "page", required = false) String page) {
        if (quizId != null && (quizId.isBlank() || quizId.length() > 200)) {
            throw ApiProblem.badParameter("quiz_id", "must be a non-blank id of at most 200 characters");
        }
        if (page != null) {
            throw ApiProblem.badParameter("page", "is not supported: pass the next_cursor of a page as cursor");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.badParameter("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        var slice = listing.page(quizId, JobViews.parseStatus(status), JobCursor.decode(cursor, "cursor"), size);
        var now = clock.instant();
        var shown = slice.jobs().stream().map(j -> JobViews.statusOf(j, now)).toList();
        var next = slice.next() == null ? null : JobCursor.encode(slice.next());
        return new JobPage(shown, size, next, next != null);
    }

    @GetMapping(path = "/{jobId}", produces = MediaType.APPLICATION_JSON_VALUE)
    JobStatusResponse status(@PathVariable String jobId) {
        return statuses.find(jobId)
                .map(job -> JobViews.statusOf(job, clock.instant()))
                .orElseThrow(() -> ApiProblem.jobNotFound(jobId));
    }

    /** Cooperative cancel: the job becomes CANCELLING; the worker skips its queued tasks and counts them. */
    @PostMapping(path = "/{jobId}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobStatusResponse> cancel(@PathVariable String jobId) {
        jobs.transition(jobId, JobStatus.CANCELLING, null);
        statuses.forget(jobId);
        return ResponseEntity.accepted().body(status(jobId));
    }

    private static void checkIdempotencyKey(String key) {
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw ApiProblem.badParameter("Idempotency-Key", "must be a non-blank key of at most 200 characters");
        }
    }
}
