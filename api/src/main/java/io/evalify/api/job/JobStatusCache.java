package io.evalify.api.job;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.evalify.api.config.ApiProperties;
import io.evalify.core.job.JobSnapshot;
import io.evalify.core.job.JobStore;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Job snapshots for the status endpoint, read from Redis at most once per {@code evalify.api.status-cache-ttl}
 * per job and API instance, so a crowd of polling UIs costs Redis almost nothing. Changes made through this
 * API (cancel, retry-failed) forget the entry at once.
 */
@Component
class JobStatusCache {

    private final LoadingCache<String, Optional<JobSnapshot>> cache;

    JobStatusCache(JobStore jobs, ApiProperties properties) {
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.statusCacheTtl())
                .maximumSize(10_000)
                .build(jobs::find);
    }

    Optional<JobSnapshot> find(String jobId) {
        return cache.get(jobId);
    }

    void forget(String jobId) {
        cache.invalidate(jobId);
    }
}
