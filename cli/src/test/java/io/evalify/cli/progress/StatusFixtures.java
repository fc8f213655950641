package io.evalify.cli.progress;

import io.evalify.schemas.job.JobStatus;
import io.evalify.schemas.job.JobStatusResponse;
import java.time.Instant;

/** Builds job statuses for tests. */
public final class StatusFixtures {

    private StatusFixtures() {}

    /** A status with {@code succeeded + failed} processed of {@code total}. */
    public static JobStatusResponse status(
            JobStatus status, long total, long succeeded, long failed, Double rate, Double eta) {
        long processed = succeeded + failed;
        double percent = total == 0 ? 100 : processed * 100.0 / total;
        Instant created = Instant.parse("2026-01-10T10:00:00Z");
        Instant finished = status.isTerminal() ? created.plusSeconds(5) : null;
        return new JobStatusResponse(
                "job-1",
                "quiz-1",
                status,
                new JobStatusResponse.Counts(total, succeeded, failed, 0, processed),
                percent,
                created,
                created.plusSeconds(1),
                finished,
                rate,
                eta,
                null);
    }
}
