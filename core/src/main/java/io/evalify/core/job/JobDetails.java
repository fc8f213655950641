package io.evalify.core.job;

import io.evalify.schemas.job.CallbackStatus;
import io.evalify.schemas.job.JobStatus;
import io.evalify.schemas.job.JobStatusResponse;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the job hash holds beyond its {@link JobSnapshot}, for an operator's view of one job.
 *
 * @param snapshot status, counts and times
 * @param history when the job entered each status it has been in ({@code status_at:<STATUS>}), in status order
 * @param overrideEvaluated whether the job re-grades students the backend already marks evaluated
 * @param updatedAt the last change, or null
 * @param callback the completion callback's delivery, or null when the job asked for none
 */
public record JobDetails(
        JobSnapshot snapshot,
        Map<JobStatus, Instant> history,
        boolean overrideEvaluated,
        Instant updatedAt,
        Callback callback) {

    /**
     * A completion callback's delivery state.
     *
     * @param url where it is POSTed
     * @param status where it stands; {@link CallbackStatus#FAILED} is the dead end
     * @param attempts attempts made so far
     * @param settledAt when it was delivered or given up, or null
     * @param error the last failed attempt's error, or null
     * @param nextAttemptAt when the next attempt is due while retrying, or null
     */
    public record Callback(
            String url, CallbackStatus status, int attempts, Instant settledAt, String error, Instant nextAttemptAt) {

        /** The callback's state as the job's status JSON shows it. */
        public JobStatusResponse.Callback toResponse() {
            return new JobStatusResponse.Callback(status, attempts, error, nextAttemptAt, settledAt);
        }

        /** Reads the {@code callback_*} fields of a job hash; null when the job asked for no callback. */
        static Callback fromHash(Map<String, String> h) {
            var url = h.get("callback_url");
            if (url == null) {
                return null;
            }
            var attempts = h.get("callback_attempts");
            return new Callback(
                    url,
                    status(h),
                    attempts == null ? 0 : Integer.parseInt(attempts),
                    millis(h.get("callback_at")),
                    h.get("callback_error"),
                    h.containsKey("callback_status") ? null : millis(h.get("callback_next_at")));
        }

        private static CallbackStatus status(Map<String, String> h) {
            var settled = h.get("callback_status");
            if (settled != null) {
                return CallbackStatus.valueOf(settled.toUpperCase(Locale.ROOT));
            }
            return h.containsKey("callback_next_at") ? CallbackStatus.RETRYING : CallbackStatus.PENDING;
        }
    }

    static JobDetails fromHash(Map<String, String> h) {
        var history = new EnumMap<JobStatus, Instant>(JobStatus.class);
        for (var status : JobStatus.values()) {
            var at = h.get("status_at:" + status.name());
            if (at != null) {
                history.put(status, Instant.ofEpochMilli(Long.parseLong(at)));
            }
        }
        return new JobDetails(
                JobSnapshot.fromHash(h),
                history,
                "1".equals(h.get("override_evaluated")),
                millis(h.get("updated_at")),
                Callback.fromHash(h));
    }

    private static Instant millis(String value) {
        return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value));
    }
}
