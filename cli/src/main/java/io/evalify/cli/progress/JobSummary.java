package io.evalify.cli.progress;

import io.evalify.schemas.job.JobStatusResponse;
import io.evalify.schemas.job.JobStatusResponse.Counts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The few lines printed when a watched job ends: status, counts, duration and throughput. */
public final class JobSummary {

    private JobSummary() {}

    /** Summary lines of a (normally terminal) job status. */
    public static List<String> lines(JobStatusResponse status) {
        Counts c = status.counts();
        List<String> lines = new ArrayList<>();
        lines.add("job " + status.jobId() + " " + status.status());
        lines.add(String.format(
                Locale.ROOT,
                "  tasks      %d total, %d succeeded, %d failed, %d cancelled",
                c.total(),
                c.succeeded(),
                c.failed(),
                c.cancelled()));
        duration(status).ifPresent(d -> lines.add(durationLine(d, c.processed())));
        if (status.error() != null) {
            lines.add("  error      " + status.error());
        }
        return lines;
    }

    private static String durationLine(Duration duration, long processed) {
        double seconds = Math.max(duration.toMillis(), 1) / 1000.0;
        return String.format(Locale.ROOT, "  duration   %.1f s, throughput %.1f tasks/s", seconds, processed / seconds);
    }

    /** From start (or acceptance, for a job that never started) to finish. */
    private static Optional<Duration> duration(JobStatusResponse status) {
        Instant start = status.startedAt() != null ? status.startedAt() : status.createdAt();
        if (start == null || status.finishedAt() == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(start, status.finishedAt()));
    }
}
