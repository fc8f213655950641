package io.evalify.api.job;

import io.evalify.core.job.JobSnapshot;
import io.evalify.core.job.JobStore;
import io.evalify.schemas.job.JobStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Lists jobs newest first, from the global index or a quiz's own one. A status filter is applied while walking
 * the index, which holds ids of jobs that have already expired; those are skipped. The walk stops after
 * {@link #MAX_SCANNED} ids so a rare status cannot make one request read the whole index.
 */
@Component
public class JobListing {

    /** The most index entries one request reads. */
    static final int MAX_SCANNED = 10_000;

    private static final int BATCH = 200;

    private final JobStore jobs;
    private final Clock clock;

    JobListing(JobStore jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /** One page; {@code quizId} and {@code status} may be null (no filter). */
    JobPage list(String quizId, JobStatus status, int page, int size) {
        Predicate<JobSnapshot> wanted = job -> status == null || job.status() == status;
        long skip = (long) page * size;
        var found = new ArrayList<JobSnapshot>();
        for (long offset = 0; offset < MAX_SCANNED && found.size() <= size; offset += BATCH) {
            var ids = ids(quizId, offset);
            for (var id : ids) {
                if (found.size() > size) {
                    break;
                }
                var job = jobs.find(id).filter(wanted);
                if (job.isPresent() && skip-- <= 0) {
                    found.add(job.get());
                }
            }
            if (ids.size() < BATCH) {
                break;
            }
        }
        var now = clock.instant();
        var shown =
                found.stream().limit(size).map(j -> JobViews.statusOf(j, now)).toList();
        return new JobPage(shown, page, size, found.size() > size);
    }

    /** The newest job of a quiz that still exists. */
    public Optional<JobSnapshot> latestOf(String quizId) {
        for (long offset = 0; offset < MAX_SCANNED; offset += BATCH) {
            var ids = ids(quizId, offset);
            var latest = ids.stream().map(jobs::find).flatMap(Optional::stream).findFirst();
            if (latest.isPresent() || ids.size() < BATCH) {
                return latest;
            }
        }
        return Optional.empty();
    }

    private List<String> ids(String quizId, long offset) {
        return quizId == null ? jobs.recentJobIds(offset, BATCH) : jobs.jobIdsOfQuiz(quizId, offset, BATCH);
    }
}
