package io.evalify.core.job;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.evalify.core.redis.LuaScripts;
import io.evalify.schemas.job.JobStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Every read and write of job state in Redis. Each multi-key change is one Lua script, so a job is never
 * seen half-updated and each student is counted once however often its task is delivered.
 */
public class JobStore {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> CREATE = script("create-job.lua");

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> RECORD = script("record-outcome.lua");

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> TRANSITION = script("transition.lua");

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> REQUEUE = script("requeue-failed.lua");

    private static final RedisScript<String> CLAIM_CALLBACK =
            LuaScripts.load("io/evalify/core/job/claim-callback.lua", String.class);

    private final StringRedisTemplate redis;
    private final JobRetention retention;
    private final Clock clock;

    /** Creates a store over the given template. */
    public JobStore(StringRedisTemplate redis, JobRetention retention, Clock clock) {
        this.redis = redis;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Writes a new job, unless the idempotency key was used before or another job of the quiz is active
     * (and {@code force} is false). A job without tasks is written as {@code COMPLETED}.
     */
    public CreateResult create(NewJob job, IdempotencyRecord idempotency, String idempotencyKey, boolean force) {
        var keys = List.of(
                JobKeys.job(job.jobId()),
                JobKeys.JOBS_INDEX,
                JobKeys.activeJobOfQuiz(job.quizId()),
                idempotencyKey == null ? "evalify:idempotency:-" : JobKeys.idempotency(idempotencyKey),
                JobKeys.jobsOfQuiz(job.quizId()),
                JobKeys.CALLBACKS_PENDING);
        var args = new ArrayList<String>(List.of(
                job.jobId(),
                now(),
                String.valueOf(job.total()),
                force ? "1" : "0",
                idempotencyKey == null ? "" : idempotency.encode(),
                seconds(retention.idempotencyKeys()),
                job.total() == 0 ? JobStatus.COMPLETED.name() : JobStatus.QUEUED.name(),
                seconds(retention.failed()),
                job.callbackUrl() == null ? "0" : "1"));
        fields(job).forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        var result = strings(redis.execute(CREATE, keys, args.toArray()));
        return switch (result.get(0)) {
            case "duplicate" -> new CreateResult.Duplicate(IdempotencyRecord.parse(result.get(1)));
            case "conflict" -> new CreateResult.Conflict(result.get(1));
            case "created" -> new CreateResult.Created(result.get(1));
            default -> throw new IllegalStateException("Job id collision: " + job.jobId());
        };
    }

    /** Notes that every task of the job reached the broker. */
    public void markPublished(String jobId) {
        redis.opsForHash().put(JobKeys.job(jobId), "published", "1");
    }

    /** Reads a job, if it exists (and has not expired). */
    public Optional<JobSnapshot> find(String jobId) {
        Map<String, String> hash = redis.<String, String>opsForHash().entries(JobKeys.job(jobId));
        return hash.isEmpty() ? Optional.empty() : Optional.of(JobSnapshot.fromHash(hash));
    }

    /** Reads a job with its history, settings and callback state, if it exists. */
    public Optional<JobDetails> details(String jobId) {
        Map<String, String> hash = redis.<String, String>opsForHash().entries(JobKeys.job(jobId));
        return hash.isEmpty() ? Optional.empty() : Optional.of(JobDetails.fromHash(hash));
    }

    /** Moves a queued job to RUNNING (first task seen); a no-op in any other status. */
    public void markRunning(String jobId) {
        var result = transitionRaw(jobId, JobStatus.RUNNING, null, List.of(JobStatus.QUEUED));
        if ("missing".equals(result.get(0))) {
            throw new JobNotFoundException(jobId);
        }
    }

    /**
     * Moves a job to {@code to} if the transition table allows it from the current status.
     *
     * @throws IllegalJobStateChangeException when it does not
     * @throws JobNotFoundException when the job does not exist
     */
    public JobStatus transition(String jobId, JobStatus to, String error) {
        var result = transitionRaw(jobId, to, error, JobTransitions.sourcesOf(to));
        if ("missing".equals(result.get(0))) {
            throw new JobNotFoundException(jobId);
        }
        var from = JobStatus.valueOf(result.get(1));
        if ("illegal".equals(result.get(0))) {
            throw new IllegalJobStateChangeException(jobId, from, to);
        }
        return from;
    }

    /** Counts one student's outcome exactly once; completes the job when every task is accounted for. */
    public OutcomeResult recordOutcome(String jobId, String studentId, TaskOutcome outcome, String failureJson) {
        var keys = List.of(JobKeys.job(jobId), JobKeys.outcomes(jobId), JobKeys.failures(jobId));
        var result = strings(redis.execute(
                RECORD,
                keys,
                studentId,
                outcome.field(),
                now(),
                failureJson == null ? "" : failureJson,
                seconds(retention.finished()),
                seconds(retention.failed())));
        return OutcomeResult.of(result.get(0), result.get(1));
    }

    /** The failed registry of a job: student id → failure JSON, as written by the worker. */
    public Map<String, String> failures(String jobId) {
        return redis.<String, String>opsForHash().entries(JobKeys.failures(jobId));
    }

    /** The outcome recorded for one student, if any. */
    public Optional<TaskOutcome> outcomeOf(String jobId, String studentId) {
        Object value = redis.opsForHash().get(JobKeys.outcomes(jobId), studentId);
        return Stream.of(TaskOutcome.values())
                .filter(o -> o.field().equals(value))
                .findFirst();
    }

    /**
     * Re-opens every failed student of a job and returns their failure JSONs (which hold the tasks to
     * publish again). The job moves back to RUNNING.
     */
    public List<String> requeueFailed(String jobId) {
        return requeueFailed(jobId, null);
    }

    /**
     * Re-opens one failed student ({@code studentId}), or every failed student when it is null, and returns the
     * failure JSONs re-opened: empty when that student has not failed. The job moves back to RUNNING.
     */
    public List<String> requeueFailed(String jobId, String studentId) {
        var quiz =
                find(jobId).orElseThrow(() -> new JobNotFoundException(jobId)).quizId();
        var keys = List.of(
                JobKeys.job(jobId), JobKeys.outcomes(jobId), JobKeys.failures(jobId), JobKeys.activeJobOfQuiz(quiz));
        var args = new ArrayList<String>();
        args.add(now());
        args.add(studentId == null ? "" : studentId);
        var sources = new ArrayList<>(JobTransitions.sourcesOf(JobStatus.RUNNING));
        sources.add(JobStatus.RUNNING);
        sources.forEach(s -> args.add(s.name()));
        var result = strings(redis.execute(REQUEUE, keys, args.toArray()));
        if ("illegal".equals(result.get(0))) {
            throw new IllegalJobStateChangeException(jobId, JobStatus.valueOf(result.get(1)), JobStatus.RUNNING);
        }
        return result.subList(1, result.size());
    }

    /** Ids of jobs created at or after {@code since}, newest first. */
    public List<String> idsCreatedSince(java.time.Instant since, long offset, long limit) {
        var ids = redis.opsForZSet()
                .reverseRangeByScore(JobKeys.JOBS_INDEX, since.toEpochMilli(), Double.MAX_VALUE, offset, limit);
        return ids == null ? List.of() : List.copyOf(ids);
    }

    /** Drops index entries of jobs created before {@code before} (their hashes have expired by then). */
    public void pruneIndex(java.time.Instant before) {
        redis.opsForZSet().removeRangeByScore(JobKeys.JOBS_INDEX, 0, before.toEpochMilli() - 1);
    }

    /** Job ids, newest first. */
    public List<String> recentJobIds(long offset, long limit) {
        var ids = redis.opsForZSet().reverseRange(JobKeys.JOBS_INDEX, offset, offset + limit - 1);
        return ids == null ? List.of() : List.copyOf(ids);
    }

    /**
     * Up to {@code limit} entries of the global index ({@code quizId} null) or of a quiz's index, newest first,
     * starting strictly after {@code after} (null: from the newest). Jobs created in the same millisecond are
     * ordered by id, so a position is never skipped or repeated however many share a time.
     */
    public List<IndexEntry> indexPage(String quizId, IndexEntry after, int limit) {
        var key = quizId == null ? JobKeys.JOBS_INDEX : JobKeys.jobsOfQuiz(quizId);
        double max = after == null ? Double.POSITIVE_INFINITY : after.createdAtMillis();
        var page = new ArrayList<IndexEntry>(limit);
        for (long offset = 0; page.size() < limit; ) {
            var read =
                    redis.opsForZSet().reverseRangeByScoreWithScores(key, Double.NEGATIVE_INFINITY, max, offset, limit);
            if (read == null || read.isEmpty()) {
                break;
            }
            read.stream()
                    .map(t -> new IndexEntry(t.getValue(), t.getScore().longValue()))
                    .filter(e -> after == null || e.isAfter(after))
                    .limit(limit - page.size())
                    .forEach(page::add);
            if (read.size() < limit) {
                break;
            }
            offset += read.size();
        }
        return page;
    }

    /**
     * Reads several jobs in one pipelined round trip, in the order asked; a job that no longer exists is empty.
     */
    public List<Optional<JobSnapshot>> findAll(List<String> jobIds) {
        if (jobIds.isEmpty()) {
            return List.of();
        }
        var hashes = redis.executePipelined(
                (RedisCallback<Object>) connection -> {
                    jobIds.forEach(id ->
                            connection.hashCommands().hGetAll(JobKeys.job(id).getBytes(UTF_8)));
                    return null;
                },
                redis.getHashValueSerializer());
        var jobs = new ArrayList<Optional<JobSnapshot>>(hashes.size());
        for (var hash : hashes) {
            @SuppressWarnings("unchecked")
            var fields = (Map<String, String>) hash;
            jobs.add(fields == null || fields.isEmpty() ? Optional.empty() : Optional.of(JobSnapshot.fromHash(fields)));
        }
        return jobs;
    }

    /** Ids of a quiz's jobs, newest first (entries whose job has expired may remain; {@link #find} skips them). */
    public List<String> jobIdsOfQuiz(String quizId, long offset, long limit) {
        var ids = redis.opsForZSet().reverseRange(JobKeys.jobsOfQuiz(quizId), offset, offset + limit - 1);
        return ids == null ? List.of() : List.copyOf(ids);
    }

    /** When the job last changed (status, counts or a requeue), if it exists. */
    public Optional<java.time.Instant> updatedAt(String jobId) {
        Object value = redis.opsForHash().get(JobKeys.job(jobId), "updated_at");
        return Optional.ofNullable(value).map(v -> java.time.Instant.ofEpochMilli(Long.parseLong(v.toString())));
    }

    /** The outcomes recorded for the given students; a student without an outcome is absent from the map. */
    public Map<String, TaskOutcome> outcomesOf(String jobId, List<String> studentIds) {
        if (studentIds.isEmpty()) {
            return Map.of();
        }
        List<String> values = redis.<String, String>opsForHash().multiGet(JobKeys.outcomes(jobId), studentIds);
        var outcomes = new java.util.HashMap<String, TaskOutcome>();
        for (int i = 0; i < studentIds.size(); i++) {
            var student = studentIds.get(i);
            outcomeNamed(values.get(i)).ifPresent(o -> outcomes.put(student, o));
        }
        return outcomes;
    }

    private static Optional<TaskOutcome> outcomeNamed(String value) {
        return Stream.of(TaskOutcome.values())
                .filter(o -> o.field().equals(value))
                .findFirst();
    }

    /** Up to {@code limit} ids of jobs whose completion callback has not been delivered or given up yet. */
    public List<String> pendingCallbacks(long limit) {
        return pendingCallbacks(0, limit);
    }

    /** The ids of pending callbacks from position {@code offset} on (oldest job first), at most {@code limit}. */
    public List<String> pendingCallbacks(long offset, long limit) {
        var ids = redis.opsForZSet().range(JobKeys.CALLBACKS_PENDING, offset, offset + limit - 1);
        return ids == null ? List.of() : List.copyOf(ids);
    }

    /**
     * Records a failed attempt of a job's callback that is tried again at {@code nextAttemptAt}: until then no
     * instance can claim it (its lease runs until that moment). Nothing is written for a job that has expired.
     */
    public void deferCallback(String jobId, int attempts, String lastError, java.time.Instant nextAttemptAt) {
        var key = JobKeys.job(jobId);
        if (Boolean.TRUE.equals(redis.hasKey(key))) {
            var at = String.valueOf(nextAttemptAt.toEpochMilli());
            redis.opsForHash()
                    .putAll(
                            key,
                            Map.of(
                                    "callback_attempts", String.valueOf(attempts),
                                    "callback_error", lastError,
                                    "callback_next_at", at,
                                    "callback_lease_until", at));
        }
    }

    /**
     * Claims the delivery of a job's callback for {@code lease}, so only one API instance sends it. A claim whose
     * holder died can be taken again once the lease has run out.
     *
     * @return {@code claimed}, {@code busy} (another holder), {@code done} (already settled) or {@code missing}
     */
    public String claimCallback(String jobId, String owner, Duration lease) {
        return redis.execute(
                CLAIM_CALLBACK, List.of(JobKeys.job(jobId)), now(), String.valueOf(lease.toMillis()), owner);
    }

    /** Settles a job's callback as delivered or given up after {@code attempts}, and drops it from the queue. */
    public void settleCallback(String jobId, boolean delivered, int attempts, String lastError) {
        var key = JobKeys.job(jobId);
        if (Boolean.TRUE.equals(redis.hasKey(key))) {
            var fields = new java.util.LinkedHashMap<String, String>();
            fields.put("callback_status", delivered ? "delivered" : "failed");
            fields.put("callback_attempts", String.valueOf(attempts));
            fields.put("callback_at", now());
            if (lastError != null) {
                fields.put("callback_error", lastError);
            }
            redis.opsForHash().putAll(key, fields);
            redis.opsForHash().delete(key, "callback_next_at");
        }
        redis.opsForZSet().remove(JobKeys.CALLBACKS_PENDING, jobId);
    }

    /** Drops a job from the pending callbacks without touching the job (it has expired, or was settled). */
    public void forgetCallback(String jobId) {
        redis.opsForZSet().remove(JobKeys.CALLBACKS_PENDING, jobId);
    }

    /** The callback's state ({@code delivered} or {@code failed}), if settled. */
    public Optional<String> callbackStatus(String jobId) {
        return Optional.ofNullable(redis.opsForHash().get(JobKeys.job(jobId), "callback_status"))
                .map(Object::toString);
    }

    /**
     * Arms a job's callback again (after a requeue re-opened it), so its next terminal status is delivered too.
     * A job without a callback URL is left alone.
     */
    public void rearmCallback(String jobId) {
        var key = JobKeys.job(jobId);
        var snapshot = find(jobId);
        if (snapshot.isEmpty() || snapshot.get().callbackUrl() == null) {
            return;
        }
        redis.opsForHash()
                .delete(
                        key,
                        "callback_status",
                        "callback_lease_until",
                        "callback_owner",
                        "callback_attempts",
                        "callback_error",
                        "callback_at",
                        "callback_next_at");
        redis.opsForZSet()
                .add(
                        JobKeys.CALLBACKS_PENDING,
                        jobId,
                        snapshot.get().createdAt().toEpochMilli());
    }

    private List<String> transitionRaw(String jobId, JobStatus to, String error, Iterable<JobStatus> sources) {
        var quiz = find(jobId).map(JobSnapshot::quizId).orElse("-");
        var keys = List.of(
                JobKeys.job(jobId), JobKeys.activeJobOfQuiz(quiz), JobKeys.outcomes(jobId), JobKeys.failures(jobId));
        var args = new ArrayList<>(List.of(
                to.name(),
                now(),
                error == null ? "" : error,
                to.isTerminal() ? "1" : "0",
                seconds(to == JobStatus.COMPLETED ? retention.finished() : retention.failed())));
        sources.forEach(s -> args.add(s.name()));
        return strings(redis.execute(TRANSITION, keys, args.toArray()));
    }

    private static Map<String, String> fields(NewJob job) {
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("quiz_id", job.quizId());
        fields.put("lane", job.lane().name());
        fields.put("override_evaluated", job.overrideEvaluated() ? "1" : "0");
        fields.put("published", job.total() == 0 ? "1" : "0");
        if (job.deadline() != null) {
            fields.put("deadline_at", String.valueOf(job.deadline().toEpochMilli()));
        }
        if (job.callbackUrl() != null) {
            fields.put("callback_url", job.callbackUrl());
        }
        return fields;
    }

    private String now() {
        return String.valueOf(clock.millis());
    }

    private static String seconds(Duration duration) {
        return String.valueOf(Math.max(duration.toSeconds(), 1));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(List<?> raw) {
        return raw.stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("rawtypes")
    private static RedisScript<List> script(String name) {
        return LuaScripts.load("io/evalify/core/job/" + name, List.class);
    }
}
