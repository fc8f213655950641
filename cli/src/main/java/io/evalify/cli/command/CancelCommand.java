package io.evalify.cli.command;

import io.evalify.cli.CliContext;
import io.evalify.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code evalify cancel JOB}: asks the API to cancel a job. */
@Command(
        name = "cancel",
        mixinStandardHelpOptions = true,
        description = {
            "Cancel a job (POST /api/v1/jobs/evaluation/{id}/cancel).",
            "Tasks not yet graded are skipped; the job goes CANCELLING, then CANCELLED."
        })
public final class CancelCommand extends CommandContext implements Callable<Integer> {

    @Parameters(paramLabel = "JOB", description = "The job id.")
    String jobId;

    /** Created by picocli through {@code CliFactory}. */
    public CancelCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        JsonNode answer = client().cancel(jobId);
        String status = answer.path("status").asString("");
        out().printf("cancel requested for job %s%s%n", jobId, status.isEmpty() ? "" : ": status " + status);
        return ExitCodes.OK;
    }
}
