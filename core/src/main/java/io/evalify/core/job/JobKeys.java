package io.evalify.core.job;

/**
 * The Redis key layout (see docs/ARCHITECTURE.md). A job's keys share the hash tag {@code {id}} so a
 * script touching several of them stays on one slot of a Redis Cluster.
 */
public final class JobKeys {

    /** Sorted set of every job id, scored by creation time (for listing). */
    public static final String JOBS_INDEX = "evalify:jobs";

    /**
     * Sorted set of the ids of jobs whose terminal status still has to be POSTed to their {@code callback_url},
     * scored by creation time.
     */
    public static final String CALLBACKS_PENDING = "evalify:callbacks:pending";

    /**
     * Sorted set of worker instance ids, scored by their last heartbeat (epoch ms): the dashboard finds the
     * instances here and reads each one's {@link #workerHeartbeat} hash.
     */
    public static final String WORKERS = "evalify:workers";

    /** Sorted set of the global LLM limit's leases: holder id → lease expiry (epoch ms). */
    public static final String LLM_PERMITS = "evalify:llm:permits";

    /** String set for the {@code Retry-After} of a 429 from the LLM; every worker waits while it exists. */
    public static final String LLM_COOLDOWN = "evalify:llm:cooldown";

    private JobKeys() {}

    /** Hash: one worker instance's last heartbeat (health, lanes in flight); expires when it stops beating. */
    public static String workerHeartbeat(String instanceId) {
        return "evalify:worker:{" + instanceId + "}";
    }

    /**
     * Hash: one dashboard sign-in session, under the SHA-256 of its cookie value (so whoever reads Redis cannot
     * take over a session); expires when idle.
     */
    public static String dashboardSession(String sessionDigest) {
        return "evalify:dashboard:session:" + sessionDigest;
    }

    /** Hash: status, quiz, counts, timestamps of one job. */
    public static String job(String jobId) {
        return "evalify:job:{" + jobId + "}";
    }

    /** Hash: student id → outcome ({@code succeeded|failed|cancelled}); counts each student once. */
    public static String outcomes(String jobId) {
        return job(jobId) + ":outcomes";
    }

    /** Hash: student id → failure JSON (the failed registry, like RQ's FailedJobRegistry). */
    public static String failures(String jobId) {
        return job(jobId) + ":failures";
    }

    /** String: id of the job currently active for a quiz (one active job per quiz unless forced). */
    public static String activeJobOfQuiz(String quizId) {
        return "evalify:quiz:{" + quizId + "}:active";
    }

    /** Sorted set: the ids of a quiz's jobs, scored by creation time (the latest job of a quiz, listing by quiz). */
    public static String jobsOfQuiz(String quizId) {
        return "evalify:quiz:{" + quizId + "}:jobs";
    }

    /** String: the job created for an {@code Idempotency-Key}, with the hash of its body. */
    public static String idempotency(String key) {
        return "evalify:idempotency:" + key;
    }
}
