package io.evalify.api.dashboard;

import io.evalify.api.job.FailureService;
import io.evalify.api.job.JobCursor;
import io.evalify.api.job.JobListing;
import io.evalify.api.view.JobViews;
import io.evalify.api.web.ApiProblem;
import io.evalify.core.job.IllegalJobStateChangeException;
import io.evalify.core.job.JobNotFoundException;
import io.evalify.core.job.JobStore;
import io.evalify.schemas.job.JobStatus;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The jobs list, one job, and its failures, with the operator's actions (cancel, retry all failed, retry one).
 * An action answers with a redirect to the page it came from and a notice code, so a reload never repeats it.
 */
@Controller
class JobPagesController {

    static final int PAGE_SIZE = 25;
    static final int FAILURES_PAGE_SIZE = 100;
    static final int MAX_FAILURES_PAGE = 1_000;

    private final JobListing listing;
    private final JobStore jobs;
    private final FailureService failures;
    private final Clock clock;

    JobPagesController(JobListing listing, JobStore jobs, FailureService failures, Clock clock) {
        this.listing = listing;
        this.jobs = jobs;
        this.failures = failures;
        this.clock = clock;
    }

    @GetMapping(DashboardPaths.JOBS)
    String jobs(
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "quiz_id", required = false) String quizId,
            @RequestParam(name = "cursor", required = false) String cursor,
            Model model) {
        var quiz = quizId == null || quizId.isBlank() ? null : quizId.trim();
        var wanted = JobViews.parseStatus(status);
        var slice = listing.page(quiz, wanted, JobCursor.decode(cursor, "cursor"), PAGE_SIZE);
        var now = clock.instant();
        model.addAttribute(
                "jobs",
                slice.jobs().stream().map(j -> JobViews.statusOf(j, now)).toList());
        model.addAttribute("statuses", JobStatus.values());
        model.addAttribute("status", wanted == null ? "" : wanted.name());
        model.addAttribute("quizId", quiz == null ? "" : quiz);
        model.addAttribute("firstPage", cursor == null || cursor.isBlank());
        model.addAttribute(
                "nextPage", slice.next() == null ? null : nextPage(wanted, quiz, JobCursor.encode(slice.next())));
        return "dashboard/jobs";
    }

    @GetMapping(DashboardPaths.JOBS + "/{jobId}")
    String job(@PathVariable String jobId, Model model) {
        var details = jobs.details(jobId).orElseThrow(() -> notFound(jobId));
        model.addAttribute("job", JobViews.statusOf(details.snapshot(), clock.instant()));
        model.addAttribute("details", details);
        model.addAttribute("groups", details.snapshot().failed() > 0 ? failures.groups(jobId) : List.of());
        model.addAttribute("eventsUrl", JobViews.statusUrl(jobId) + "/events");
        return "dashboard/job";
    }

    @GetMapping(DashboardPaths.JOBS + "/{jobId}/failures")
    String failures(
            @PathVariable String jobId, @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        var details = jobs.details(jobId).orElseThrow(() -> notFound(jobId));
        int shown = Math.clamp(page, 0, MAX_FAILURES_PAGE);
        var failed = failures.failures(jobId, shown, FAILURES_PAGE_SIZE);
        model.addAttribute("job", JobViews.statusOf(details.snapshot(), clock.instant()));
        model.addAttribute("groups", failures.groups(jobId));
        model.addAttribute("failures", failed);
        model.addAttribute("page", shown);
        model.addAttribute("lastPage", (long) (shown + 1) * FAILURES_PAGE_SIZE >= failed.total());
        return "dashboard/failures";
    }

    @PostMapping(DashboardPaths.JOBS + "/{jobId}/cancel")
    String cancel(@PathVariable String jobId) {
        return act(DashboardPaths.job(jobId), "cancelled", () -> jobs.transition(jobId, JobStatus.CANCELLING, null));
    }

    @PostMapping(DashboardPaths.JOBS + "/{jobId}/retry-failed")
    String retryFailed(@PathVariable String jobId, @RequestParam(name = "from", defaultValue = "job") String from) {
        var back = "failures".equals(from) ? DashboardPaths.failures(jobId) : DashboardPaths.job(jobId);
        return act(back, "retried", () -> {
            if (failures.retryFailed(jobId) == 0) {
                throw ApiProblem.studentNotFailed(jobId, "(any)");
            }
        });
    }

    @PostMapping(DashboardPaths.JOBS + "/{jobId}/failures/{studentId}/retry")
    String retryStudent(@PathVariable String jobId, @PathVariable String studentId) {
        return act(DashboardPaths.failures(jobId), "retried-one", () -> failures.retryStudent(jobId, studentId));
    }

    /** Runs an action and redirects back with the notice code of its outcome. */
    private static String act(String back, String done, Runnable action) {
        String notice;
        try {
            action.run();
            notice = done;
        } catch (IllegalJobStateChangeException e) {
            notice = "illegal-state";
        } catch (JobNotFoundException e) {
            notice = "not-found";
        } catch (ApiProblem e) {
            notice = e.is("student-not-failed")
                    ? "nothing-to-retry"
                    : e.is("broker-unavailable") ? "broker-unavailable" : "failed";
        }
        return "redirect:" + back + "?notice=" + notice;
    }

    private static String nextPage(JobStatus status, String quizId, String cursor) {
        var uri = UriComponentsBuilder.fromPath(DashboardPaths.JOBS);
        if (status != null) {
            uri.queryParam("status", status.name());
        }
        if (quizId != null) {
            uri.queryParam("quiz_id", quizId);
        }
        return uri.queryParam("cursor", cursor).encode().build().toUriString();
    }

    private static ResponseStatusException notFound(String jobId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No job " + jobId);
    }
}
