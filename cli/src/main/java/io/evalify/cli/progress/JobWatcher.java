package io.evalify.cli.progress;

import io.evalify.cli.api.ApiClient;
import io.evalify.cli.api.ApiUnreachableException;
import io.evalify.schemas.job.JobStatusResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Polls a job until it reaches a terminal status, showing each answer on a {@link ProgressPrinter}.
 * Once the API has answered, short outages (a restart) are tolerated for {@link #OUTAGE_TOLERANCE}; an
 * API that never answered fails at once.
 */
public final class JobWatcher {

    /** How long the API may stay unreachable while watching before giving up. */
    public static final Duration OUTAGE_TOLERANCE = Duration.ofSeconds(15);

    private final ApiClient client;
    private final ProgressPrinter printer;
    private final Duration interval;
    private final Clock clock;
    private Runnable beforeEachPoll = () -> {};

    /** Watches through {@code client}, polling every {@code interval}. */
    public JobWatcher(ApiClient client, ProgressPrinter printer, Duration interval, Clock clock) {
        this.client = client;
        this.printer = printer;
        this.interval = interval;
        this.clock = clock;
    }

    /** A check run before each poll, e.g. that every local child process is still alive; it may throw. */
    public JobWatcher beforeEachPoll(Runnable check) {
        this.beforeEachPoll = check;
        return this;
    }

    /** Polls until the job is terminal and returns its last status. */
    public JobStatusResponse watch(String jobId) {
        return watch(jobId, Instant.MAX);
    }

    /** Polls until the job is terminal; throws {@link WatchTimeoutException} past {@code deadline}. */
    public JobStatusResponse watch(String jobId, Instant deadline) {
        try {
            return pollUntilTerminal(jobId, deadline);
        } finally {
            printer.finish();
        }
    }

    private JobStatusResponse pollUntilTerminal(String jobId, Instant deadline) {
        Instant unreachableSince = null;
        boolean answeredOnce = false;
        while (true) {
            beforeEachPoll.run();
            try {
                JobStatusResponse status = client.status(jobId);
                printer.update(status);
                if (status.status().isTerminal()) {
                    return status;
                }
                checkDeadline(status, deadline);
                answeredOnce = true;
                unreachableSince = null;
            } catch (ApiUnreachableException e) {
                unreachableSince = unreachableSince == null ? clock.instant() : unreachableSince;
                rethrowUnlessTolerated(e, answeredOnce, unreachableSince);
            }
            pause();
        }
    }

    private void checkDeadline(JobStatusResponse status, Instant deadline) {
        if (clock.instant().isAfter(deadline)) {
            throw new WatchTimeoutException(status);
        }
    }

    private void rethrowUnlessTolerated(ApiUnreachableException e, boolean answeredOnce, Instant since) {
        if (!answeredOnce || Duration.between(since, clock.instant()).compareTo(OUTAGE_TOLERANCE) > 0) {
            throw e;
        }
    }

    private void pause() {
        try {
            Thread.sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while watching the job", e);
        }
    }
}
