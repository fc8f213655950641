package io.evalify.cli.command;

import io.evalify.cli.CliContext;
import io.evalify.cli.ExitCodes;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code evalify failures JOB}: the failed tasks of a job as a table. */
@Command(
        name = "failures",
        mixinStandardHelpOptions = true,
        description = "List the failed tasks of a job (GET /api/v1/jobs/evaluation/{id}/failures).")
public final class FailuresCommand extends CommandContext implements Callable<Integer> {

    @Parameters(paramLabel = "JOB", description = "The job id.")
    String jobId;

    /** Created by picocli through {@code CliFactory}. */
    public FailuresCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        List<JsonNode> items = FailureTable.items(client().failures(jobId));
        if (items.isEmpty()) {
            out().printf("job %s has no failed tasks%n", jobId);
        } else {
            FailureTable.render(items).forEach(out()::println);
            out().printf("%d failed task(s); re-queue them with: evalify retry-failed %s%n", items.size(), jobId);
        }
        return ExitCodes.OK;
    }
}
