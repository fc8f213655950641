package io.evalify.api.callback;

import io.evalify.core.job.JobSnapshot;
import io.evalify.core.job.JobStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the callbacks that are due, fairly: each poll reads up to {@code scan-limit} pending entries in pages (one
 * pipelined read of the jobs per page) from where the previous poll stopped, wrapping round at the end, so no
 * number of running jobs keeps a finished job's callback from being seen. Of what it read, the finished jobs whose
 * next attempt is due come back first-finished first. Entries of jobs that have expired are dropped.
 */
final class PendingCallbacks {

    static final int PAGE = 500;

    private static final Comparator<JobSnapshot> FINISHED_FIRST = Comparator.comparing(
                    JobSnapshot::finishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(JobSnapshot::createdAt);

    private final JobStore jobs;
    private final int scanLimit;
    private long offset;

    PendingCallbacks(JobStore jobs, int scanLimit) {
        this.jobs = jobs;
        this.scanLimit = Math.max(scanLimit, 1);
    }

    /** The callbacks due at {@code now} among the next {@code scan-limit} pending ones, first-finished first. */
    synchronized List<JobSnapshot> due(Instant now) {
        var due = new ArrayList<JobSnapshot>();
        int read = 0;
        while (read < scanLimit) {
            int size = Math.min(PAGE, scanLimit - read);
            var ids = jobs.pendingCallbacks(offset, size);
            var found = jobs.findAll(ids);
            int forgotten = 0;
            for (int i = 0; i < ids.size(); i++) {
                if (found.get(i).isEmpty()) {
                    jobs.forgetCallback(ids.get(i));
                    forgotten++;
                } else if (isDue(found.get(i).get(), now)) {
                    due.add(found.get(i).get());
                }
            }
            read += ids.size();
            // Forgotten entries leave the set, so the next page starts that much earlier.
            offset += ids.size() - forgotten;
            if (ids.size() < size) {
                offset = 0;
                break;
            }
        }
        due.sort(FINISHED_FIRST);
        return due;
    }

    private static boolean isDue(JobSnapshot job, Instant now) {
        var callback = job.callback();
        return job.status().isTerminal()
                && callback != null
                && !callback.status().isSettled()
                && (callback.nextAttemptAt() == null
                        || !callback.nextAttemptAt().isAfter(now));
    }
}
