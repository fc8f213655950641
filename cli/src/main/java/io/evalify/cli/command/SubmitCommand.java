package io.evalify.cli.command;

import io.evalify.cli.CliContext;
import io.evalify.cli.ExitCodes;
import io.evalify.cli.api.ApiClient;
import io.evalify.cli.progress.JobSummary;
import io.evalify.schemas.job.JobAccepted;
import io.evalify.schemas.job.JobStatusResponse;
import io.evalify.schemas.job.JobSubmission;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evalify submit}: submits an evaluation job, optionally watching it to the end. */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = "Submit an evaluation job for a quiz (POST /api/v1/jobs/evaluation).")
public final class SubmitCommand extends CommandContext implements Callable<Integer> {

    @Option(names = "--quiz", required = true, paramLabel = "ID", description = "The quiz to grade.")
    String quizId;

    @Option(
            names = "--students",
            split = ",",
            paramLabel = "ID",
            description = "Only these students (comma-separated).")
    List<String> studentIds;

    @Option(
            names = "--questions",
            split = ",",
            paramLabel = "ID",
            description = "Only these questions (comma-separated).")
    List<String> questionIds;

    @Option(names = "--override-evaluated", description = "Re-grade responses already evaluated (also manual grades).")
    boolean overrideEvaluated;

    @Option(names = "--force", description = "Start even if another job for this quiz is active.")
    boolean force;

    @Option(names = "--watch", description = "Show live progress until the job ends; exit 1 unless it COMPLETED.")
    boolean watch;

    /** Created by picocli through {@code CliFactory}. */
    public SubmitCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        ApiClient client = client();
        JobAccepted accepted = client.submit(submission());
        out().printf("job %s %s%n  status: %s%n", accepted.jobId(), accepted.status(), accepted.statusUrl());
        out().flush();
        return watch ? watchToEnd(client, accepted.jobId()) : ExitCodes.OK;
    }

    private JobSubmission submission() {
        return new JobSubmission(
                quizId,
                new JobSubmission.Filters(studentIds, questionIds),
                new JobSubmission.Config(overrideEvaluated, force, null));
    }

    private int watchToEnd(ApiClient client, String jobId) {
        JobStatusResponse last = watcher(client).watch(jobId);
        JobSummary.lines(last).forEach(out()::println);
        return ExitCodes.forStatus(last.status());
    }
}
