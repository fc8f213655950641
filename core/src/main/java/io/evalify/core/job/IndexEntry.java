package io.evalify.core.job;

/**
 * One entry of a job index (a sorted set scored by creation time): a position for cursor paging.
 *
 * @param jobId the job
 * @param createdAtMillis the job's creation time, epoch milliseconds (the entry's score)
 */
public record IndexEntry(String jobId, long createdAtMillis) {

    /**
     * Whether this entry comes after {@code other} when listing newest first: older, or as old with a smaller id
     * (Redis orders members of equal score by their bytes, and a reverse range reverses that).
     */
    public boolean isAfter(IndexEntry other) {
        return createdAtMillis < other.createdAtMillis
                || (createdAtMillis == other.createdAtMillis && jobId.compareTo(other.jobId) < 0);
    }
}
