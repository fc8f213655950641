package io.evalify.bench.hostile;

import io.evalify.cli.CliContext;
import io.evalify.cli.ExitCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evalify bench hostile}: the time budget of every grader on hostile answers. */
@Command(
        name = "hostile",
        mixinStandardHelpOptions = true,
        description = {
            "Grade generated hostile answers (the fuzz test's generators: deep repetition, runs of spaces, digits and "
                    + "combining marks, NFKC expansions, confusables, control characters, up to 1 MB) with every "
                    + "grader, one answer at a time, and report p50/p99/max per grader against the 100 ms budget "
                    + "and whether any answer escaped its question. Needs no stack (the fake LLM runs in process).",
            "Writes <out>/hostile-latest.md. Exit code 0 if every grader stays within the budget and confines "
                    + "every answer, 1 otherwise."
        })
public final class HostileBenchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--answers", paramLabel = "N", defaultValue = "400", description = "Timed answers per grader.")
    int answers;

    @Option(
            names = "--warm-up",
            paramLabel = "N",
            defaultValue = "100",
            description = "Untimed answers per grader first (the JIT compiles the hot paths).")
    int warmUp;

    @Option(names = "--seed", defaultValue = "20261201", description = "Seed of the generators.")
    long seed;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where to write hostile-latest.md (default: bench/results).")
    Path out;

    private final CliContext context;

    /** The command with {@code context}. */
    public HostileBenchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var printer = spec.commandLine().getOut();
        printer.printf("grading %d hostile answers per grader after %d untimed (seed %d)...%n", answers, warmUp, seed);
        printer.flush();
        var results = new HostileAnswerRun(answers, warmUp, seed).run();
        var table = table(results);
        printer.print(table);
        Path dir = out != null ? out.toAbsolutePath() : context.home().resolve("bench/results");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("hostile-latest.md"), table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        printer.printf("%nwritten: %s%n", dir.resolve("hostile-latest.md"));
        printer.flush();
        return results.stream().allMatch(GraderTiming::passes) ? ExitCodes.OK : ExitCodes.JOB_NOT_COMPLETED;
    }

    /** A Markdown table of the results. */
    static String table(List<GraderTiming> results) {
        var text = new StringBuilder(String.format(
                Locale.ROOT,
                "| grader | answers | p50 ms | p99 ms | max ms (budget %.0f) | slowest answer, chars "
                        + "| escaped its question | |%n|---|---:|---:|---:|---:|---:|---:|---|%n",
                HostileAnswerRun.BUDGET_MILLIS));
        for (var r : results) {
            text.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.2f | %.2f | %.2f | %s | %d | %s |%n",
                    r.grader(),
                    r.answers(),
                    r.p50Millis(),
                    r.p99Millis(),
                    r.maxMillis(),
                    r.slowestAnswerChars() < 0
                            ? "nested arrays"
                            : String.format(Locale.ROOT, "%,d", r.slowestAnswerChars()),
                    r.escaped(),
                    r.passes() ? "met" : "MISSED"));
        }
        return text.toString();
    }
}
