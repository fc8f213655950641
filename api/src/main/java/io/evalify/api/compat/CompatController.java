package io.evalify.api.compat;

import io.evalify.api.job.JobListing;
import io.evalify.api.job.JobSubmissionService;
import io.evalify.api.job.SubmissionReader;
import io.evalify.api.web.ApiProblem;
import io.evalify.core.job.JobSnapshot;
import io.evalify.core.job.JobStore;
import io.evalify.schemas.Json;
import io.evalify.schemas.SchemaName;
import io.evalify.schemas.SchemaValidator;
import io.evalify.schemas.job.JobAccepted;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The old evaluator's API (docs/BACKEND-CONTRACT.md, last section), so existing callers need no change: start an
 * evaluation of a quiz and read the progress of the quiz's latest job. A start while the quiz has an active job answers
 * 202 with that job instead of grading the quiz twice (the old evaluator started a second, competing run).
 */
@RestController
class CompatController {

    static final String BASE = "/api/v1/evaluations";

    private final JobSubmissionService submissions;
    private final JobListing listing;
    private final JobStore jobs;
    private final SchemaValidator validator;

    CompatController(JobSubmissionService submissions, JobListing listing, JobStore jobs, SchemaValidator validator) {
        this.submissions = submissions;
        this.listing = listing;
        this.jobs = jobs;
        this.validator = validator;
    }

    @PostMapping(path = BASE, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CompatRequest.class)))
    ResponseEntity<CompatAccepted> start(
            @RequestBody String body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        var errors = validator.validate(SchemaName.COMPAT_EVALUATION_REQUEST, body);
        if (!errors.isEmpty()) {
            throw CompatAdvice.invalidBody(errors);
        }
        var request = Json.mapper().readValue(body, CompatRequest.class);
        var status = submit(request, idempotencyKey, SubmissionReader.hash(body));
        return ResponseEntity.accepted()
                .body(new CompatAccepted(request.quizId(), status, progressUrl(request.quizId())));
    }

    @GetMapping(path = BASE + "/{quizId}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    CompatProgress progress(@PathVariable String quizId) {
        return listing.latestOf(quizId)
                .map(this::progressOf)
                .orElseThrow(() -> new CompatError(HttpStatus.NOT_FOUND, "No evaluation found for quiz_id=" + quizId));
    }

    private CompatStatus submit(CompatRequest request, String idempotencyKey, String bodyHash) {
        try {
            JobAccepted accepted = submissions.submit(request.toSubmission(), idempotencyKey, bodyHash);
            return CompatStatus.of(accepted.status());
        } catch (ApiProblem problem) {
            if (!problem.is("quiz-busy")) {
                throw problem;
            }
            return listing.latestOf(request.quizId())
                    .map(job -> CompatStatus.of(job.status()))
                    .orElse(CompatStatus.QUEUED);
        }
    }

    private CompatProgress progressOf(JobSnapshot job) {
        var updated = jobs.updatedAt(job.jobId()).orElse(job.createdAt());
        if (job.finishedAt() != null && job.finishedAt().isAfter(updated)) {
            updated = job.finishedAt();
        }
        return new CompatProgress(
                job.quizId(),
                CompatStatus.of(job.status()),
                Math.min(job.processed(), job.total()),
                job.total(),
                job.createdAt(),
                updated,
                job.jobId(),
                job.succeeded(),
                job.failed());
    }

    static String progressUrl(String quizId) {
        return BASE + "/" + UriUtils.encodePathSegment(quizId, StandardCharsets.UTF_8) + "/progress";
    }
}
