package io.evalify.cli.command;

import io.evalify.cli.CliContext;
import io.evalify.cli.ExitCodes;
import io.evalify.cli.api.ApiClient;
import io.evalify.cli.progress.ProgressBar;
import io.evalify.schemas.Json;
import io.evalify.schemas.job.JobStatusResponse;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

/** {@code evalify status JOB}: one look at a job. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Show a job's status (GET /api/v1/jobs/evaluation/{id}).",
            "Exit code 1 if the job ended other than COMPLETED, else 0."
        })
public final class StatusCommand extends CommandContext implements Callable<Integer> {

    @Parameters(paramLabel = "JOB", description = "The job id.")
    String jobId;

    @Option(names = "--json", description = "Print the API's JSON document as is.")
    boolean json;

    /** Created by picocli through {@code CliFactory}. */
    public StatusCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        JsonNode document = client().statusJson(jobId);
        JobStatusResponse status = ApiClient.toStatus(document);
        if (json) {
            out().println(Json.mapper()
                    .writer(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(document));
        } else {
            print(status, out());
        }
        return ExitCodes.forStatus(status.status());
    }

    static void print(JobStatusResponse s, PrintWriter out) {
        out.printf("job       %s%n", s.jobId());
        out.printf("quiz      %s%n", s.quizId());
        out.printf("status    %s%n", s.status());
        out.printf("progress  %s%n", new ProgressBar().render(s));
        out.printf(
                "tasks     %d total, %d succeeded, %d failed, %d cancelled%n",
                s.counts().total(),
                s.counts().succeeded(),
                s.counts().failed(),
                s.counts().cancelled());
        out.printf("created   %s%n", orDash(s.createdAt()));
        out.printf("started   %s%n", orDash(s.startedAt()));
        out.printf("finished  %s%n", orDash(s.finishedAt()));
        if (s.error() != null) {
            out.printf("error     %s%n", s.error());
        }
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
