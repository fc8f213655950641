package io.evalify.cli.command;

import io.evalify.cli.CliContext;
import io.evalify.cli.ExitCodes;
import io.evalify.cli.progress.JobSummary;
import io.evalify.schemas.job.JobStatusResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code evalify watch JOB}: a live progress bar until the job ends. */
@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        description = {
            "Show a job's live progress (done/total, rate, ETA, failures) until it ends.",
            "Exit code 0 if it COMPLETED, 1 for any other end."
        })
public final class WatchCommand extends CommandContext implements Callable<Integer> {

    @Parameters(paramLabel = "JOB", description = "The job id.")
    String jobId;

    /** Created by picocli through {@code CliFactory}. */
    public WatchCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        JobStatusResponse last = watcher(client()).watch(jobId);
        JobSummary.lines(last).forEach(out()::println);
        return ExitCodes.forStatus(last.status());
    }
}
