package io.evalify.api.job;

import io.evalify.core.job.IndexEntry;
import io.evalify.core.job.JobSnapshot;
import io.evalify.core.job.JobStore;
import io.evalify.schemas.job.JobStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Lists jobs newest first, from the global index or a quiz's own one, by cursor. Each round reads a run of index
 * entries and then all their jobs in one pipelined round trip; without a status filter one round fills a page.
 * The index holds ids of jobs that have already expired; those are skipped. A status filter may need more rounds:
 * they stop after {@link #MAX_SCANNED} entries, and the page then ends early with a cursor to go on from, so a
 * rare status never makes one request read the whole index and a later page is never silently empty.
 */
@Component
public class JobListing {

    /** The most index entries one request reads. */
    static final int MAX_SCANNED = 5_000;

    private static final int FILTERED_BATCH = 200;

    private final JobStore jobs;

    JobListing(JobStore jobs) {
        this.jobs = jobs;
    }

    /**
     * One page of jobs.
     *
     * @param jobs the jobs, newest first
     * @param next where the following page starts, or null when the index has no entry after this page
     */
    public record Slice(List<JobSnapshot> jobs, IndexEntry next) {}

    /**
     * The page after {@code after} (null: the newest); {@code quizId} and {@code status} may be null (no filter).
     */
    public Slice page(String quizId, JobStatus status, IndexEntry after, int size) {
        var found = new ArrayList<JobSnapshot>(size);
        var position = after;
        int scanned = 0;
        while (scanned < MAX_SCANNED) {
            // One more entry than the page needs tells whether another page exists.
            int wanted = size - found.size() + 1;
            int asked = status == null ? wanted : Math.max(wanted, FILTERED_BATCH);
            var entries = jobs.indexPage(quizId, position, asked);
            var snapshots = jobs.findAll(entries.stream().map(IndexEntry::jobId).toList());
            for (int i = 0; i < entries.size(); i++) {
                if (found.size() == size) {
                    return new Slice(found, position);
                }
                position = entries.get(i);
                scanned++;
                snapshots
                        .get(i)
                        .filter(job -> status == null || job.status() == status)
                        .ifPresent(found::add);
            }
            if (entries.size() < asked) {
                return new Slice(found, null);
            }
        }
        return new Slice(found, position);
    }

    /** The newest job of a quiz that still exists. */
    public Optional<JobSnapshot> latestOf(String quizId) {
        return page(quizId, null, null, 1).jobs().stream().findFirst();
    }
}
