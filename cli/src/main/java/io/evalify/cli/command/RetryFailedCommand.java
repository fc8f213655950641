package io.evalify.cli.command;

import io.evalify.cli.CliContext;
import io.evalify.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code evalify retry-failed JOB}: re-queues a job's failed (dead-lettered) tasks. */
@Command(
        name = "retry-failed",
        mixinStandardHelpOptions = true,
        description = "Re-queue the failed tasks of a job (POST /api/v1/jobs/evaluation/{id}/retry-failed).")
public final class RetryFailedCommand extends CommandContext implements Callable<Integer> {

    @Parameters(paramLabel = "JOB", description = "The job id.")
    String jobId;

    /** Created by picocli through {@code CliFactory}. */
    public RetryFailedCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        JsonNode answer = client().retryFailed(jobId);
        String job = answer.path("job_id").asString(jobId);
        out().printf("retry of failed tasks accepted for job %s%s%s%n", job, status(answer), requeued(answer));
        out().printf("  follow it with: evalify watch %s%n", job);
        return ExitCodes.OK;
    }

    private static String status(JsonNode answer) {
        String status = answer.path("status").asString("");
        return status.isEmpty() ? "" : ": status " + status;
    }

    /** The API may say how many tasks it re-queued; the field name is not fixed yet, so accept the usual ones. */
    private static String requeued(JsonNode answer) {
        for (String name : new String[] {"requeued", "retried", "count", "tasks"}) {
            if (answer.path(name).isNumber()) {
                return ", " + answer.path(name).asLong() + " task(s) re-queued";
            }
        }
        return "";
    }
}
