package io.evalify.bench;

import io.evalify.bench.hostile.HostileBenchCommand;
import io.evalify.cli.CliContext;
import io.evalify.cli.EvalifyCli;
import io.evalify.cli.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code evalify bench}: the issue-7 scenarios against a local stack with the fakes. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Start a local stack with the fakes, run benchmark scenarios, print a table and write it to "
                    + "<out>/latest.md and <out>/latest.json (with machine info).",
            "  S1  10,000 students x 1 DESCRIPTIVE, fake LLM 500 ms, 256 in flight: time to COMPLETED "
                    + "<= 1.25 x ideal; worker peak RSS <= 1 GiB",
            "  S2  10,000 students x 20 objective questions, backend 5 ms: >= 1,500 students/s",
            "  S3  2,000 objective students while S1 runs: <= 1.5 x their time alone",
            "  S4  POST of a 10,000-student job: p99 <= 500 ms",
            "  S5  status GET at 2,000/s for 30 s: p99 <= 10 ms, no errors",
            "S1 and S2 are also run on RQ and Celery (bench/baselines/run_baseline.sh) unless --no-baselines.",
            "Exit code 0 if every target is met, 1 if one is missed, 3 if the stack did not start."
        })
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--scenario",
            paramLabel = "S",
            defaultValue = "all",
            description = "S1, S2, S3, S4, S5, all, or a comma-separated list (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(
            names = "--students",
            paramLabel = "N",
            description = "Scale the student counts (and S5's duration) down to N for a quick run (default: 10000).")
    Integer students;

    @Option(names = "--no-baselines", description = "Do not run the RQ and Celery baselines.")
    boolean noBaselines;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where to write latest.json and latest.md (default: bench/results).")
    Path out;

    @Option(
            names = "--worker-jvm-opt",
            paramLabel = "OPT",
            description = "A JVM option for the worker, repeatable (e.g. -XX:StartFlightRecording=filename=w.jfr).")
    List<String> workerJvmOptions = List.of();

    @Option(
            names = "--api-jvm-opt",
            paramLabel = "OPT",
            description = "A JVM option for the API, repeatable (e.g. -Xlog:gc:file=api-gc.log).")
    List<String> apiJvmOptions = List.of();

    private final CliContext context;

    /** The command with {@code context}. */
    public BenchCommand(CliContext context) {
        this.context = context;
    }

    /** Entry point of this module's jar, which {@code ./evalify bench} runs with the arguments after {@code bench}. */
    public static void main(String[] args) {
        System.exit(commandLine(CliContext.fromSystem()).execute(args));
    }

    /** The configured command line; tests call this with their own context and writers. */
    public static CommandLine commandLine(CliContext context) {
        return EvalifyCli.standalone("bench", new BenchCommand(context), context)
                .addSubcommand("hostile", new HostileBenchCommand(context));
    }

    @Override
    public Integer call() {
        BenchPlan plan = plan();
        Path outDir = out != null ? out.toAbsolutePath() : context.home().resolve("bench/results");
        PrintWriter printer = spec.commandLine().getOut();
        BenchReport report =
                new BenchRun(context.home(), outDir, printer, !noBaselines, workerJvmOptions, apiJvmOptions).run(plan);
        printer.println();
        printer.print(report.write(outDir));
        printer.printf("%nwritten: %s, %s%n", outDir.resolve("latest.md"), outDir.resolve("latest.json"));
        printer.flush();
        return report.passes() ? ExitCodes.OK : ExitCodes.JOB_NOT_COMPLETED;
    }

    /** Validates the options into a plan; bad values are usage errors (exit 2). */
    BenchPlan plan() {
        try {
            return BenchPlan.of(Scenario.parse(scenario), students);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
