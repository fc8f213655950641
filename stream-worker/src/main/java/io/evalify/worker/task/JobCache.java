package io.evalify.worker.task;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.evalify.core.cache.BlockingLoadingCache;
import io.evalify.core.job.JobSnapshot;
import io.evalify.core.job.JobStore;
import java.time.Duration;
import java.util.Optional;

/**
 * A job's state as the lanes see it, read from Redis at most once per {@code ttl} per job and worker instead
 * of once per task. Counting never uses it (the Lua scripts read Redis directly); it only decides whether to
 * start a task, so a cancel reaches the lanes within {@code ttl}. Hundreds of lane threads ask for the same job
 * at once: see {@link BlockingLoadingCache} for why the Redis read happens outside the cache's lock.
 */
class JobCache {

    private final BlockingLoadingCache<String, Optional<JobSnapshot>> cache;

    /** A cache over {@code jobs} whose entries live {@code ttl}. */
    JobCache(JobStore jobs, Duration ttl) {
        this.cache = new BlockingLoadingCache<>(
                Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000), jobs::find);
    }

    /** The job, if it exists. */
    public Optional<JobSnapshot> find(String jobId) {
        return cache.get(jobId);
    }

    /** Forgets a job, after this worker changed its status. */
    public void forget(String jobId) {
        cache.invalidate(jobId);
    }
}
