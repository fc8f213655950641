package io.evalify.localstack;

import io.evalify.cli.CurrentRun;
import io.evalify.cli.ExitCodes;
import io.evalify.cli.api.ApiClient;
import io.evalify.cli.api.ApiTarget;
import io.evalify.cli.progress.JobSummary;
import io.evalify.cli.progress.JobWatcher;
import io.evalify.cli.progress.ProgressPrinter;
import io.evalify.schemas.job.JobAccepted;
import io.evalify.schemas.job.JobStatus;
import io.evalify.schemas.job.JobStatusResponse;
import io.evalify.schemas.job.JobSubmission;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One {@code evalify local} run once its stack is up: submit the demo job, watch it, summarise, then
 * either return (the caller stops the stack) or keep serving until Ctrl-C.
 */
public final class LocalSession {

    private final LocalStack stack;
    private final PrintWriter out;
    private final boolean tty;
    private final Duration pollInterval;

    /** A session over a started {@code stack}. */
    public LocalSession(LocalStack stack, PrintWriter out, boolean tty, Duration pollInterval) {
        this.stack = stack;
        this.out = out;
        this.tty = tty;
        this.pollInterval = pollInterval;
    }

    /** Runs the demo job on {@code endpoints}; returns 0 if it COMPLETED, else 1. */
    public int runDemoJob(Endpoints endpoints, LocalSettings settings) {
        ApiClient client = new ApiClient(new ApiTarget(URI.create(endpoints.apiUrl()), endpoints.apiKey()));
        JobAccepted accepted = client.submit(new JobSubmission(settings.quizId(), null, null));
        out.printf("submitted job %s for quiz %s%n", accepted.jobId(), settings.quizId());
        out.flush();
        JobStatusResponse last =
                watcher(client).watch(accepted.jobId(), Instant.now().plus(settings.jobTimeout()));
        JobSummary.lines(last).forEach(out::println);
        out.printf("  logs       %s%n", stack.runDir().logs());
        out.flush();
        return last.status() == JobStatus.COMPLETED ? ExitCodes.OK : ExitCodes.JOB_NOT_COMPLETED;
    }

    /** Leaves the stack serving: writes {@code current.json}, prints the API and its key, waits for Ctrl-C. */
    public void keepRunning(Endpoints endpoints, Path localRoot) {
        long pid = ProcessHandle.current().pid();
        new CurrentRun(
                        endpoints.apiUrl(),
                        endpoints.apiKey(),
                        stack.runDir().path().toString(),
                        pid,
                        endpoints.bootstrapServers())
                .write(localRoot);
        try {
            out.printf("%nstack is running (Ctrl-C to stop it)%n");
            out.printf("  EVALIFY_API_URL=%s%n  EVALIFY_API_KEY=%s%n", endpoints.apiUrl(), endpoints.apiKey());
            out.printf("  EVALIFY_KAFKA_BOOTSTRAP_SERVERS=%s%n", endpoints.bootstrapServers());
            out.printf("  dashboard %s (sign in with EVALIFY_API_KEY)%n", endpoints.dashboardUrl());
            out.printf(
                    "  other evalify commands in this checkout find it via %s%n",
                    localRoot.resolve(CurrentRun.FILE_NAME));
            out.flush();
            stack.awaitTermination();
        } finally {
            CurrentRun.deleteIfOwnedBy(localRoot, pid);
        }
    }

    private JobWatcher watcher(ApiClient client) {
        ProgressPrinter printer = new ProgressPrinter(out, tty, Clock.systemUTC());
        return new JobWatcher(client, printer, pollInterval, Clock.systemUTC()).beforeEachPoll(stack::checkAlive);
    }
}
