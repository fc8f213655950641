package io.evalify.api.job;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.evalify.api.config.ApiProperties;
import io.evalify.core.cache.BlockingLoadingCache;
import io.evalify.core.job.JobSnapshot;
import io.evalify.core.job.JobStore;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Job snapshots for the status endpoint, read from Redis at most once per {@code evalify.api.status-cache-ttl}
 * per job and API instance, so a crowd of polling UIs costs Redis almost nothing. Changes made through this
 * API (cancel, retry-failed) forget the entry at once. Requests run on virtual threads, so the Redis read
 * happens outside the cache's lock ({@link BlockingLoadingCache}).
 */
@Component
class JobStatusCache {

    private final BlockingLoadingCache<String, Optional<JobSnapshot>> cache;

    JobStatusCache(JobStore jobs, ApiProperties properties) {
        this.cache = new BlockingLoadingCache<>(
                Caffeine.newBuilder()
                        .expireAfterWrite(properties.statusCacheTtl())
                        .maximumSize(10_000),
                jobs::find);
    }

    Optional<JobSnapshot> find(String jobId) {
        return cache.get(jobId);
    }

    void forget(String jobId) {
        cache.invalidate(jobId);
    }
}
