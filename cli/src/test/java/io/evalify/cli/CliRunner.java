package io.evalify.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;

/** Runs a command line in-process with captured output and a test context (no TTY, fast polling). */
public final class CliRunner {

    private final CliContext context;
    private final Function<CliContext, CommandLine> commandLine;

    /** A runner of the operator's {@code evalify} command with {@code env} and {@code home}. */
    public CliRunner(Map<String, String> env, Path home) {
        this(env, home, EvalifyCli::commandLine);
    }

    /** A runner of the command line {@code commandLine} builds, e.g. a module's standalone command. */
    public CliRunner(Map<String, String> env, Path home, Function<CliContext, CommandLine> commandLine) {
        this.context = new CliContext(env, home, false, Duration.ofMillis(10));
        this.commandLine = commandLine;
    }

    /** Runs {@code args}. */
    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = commandLine.apply(context);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * What a run printed and returned.
     *
     * @param exitCode the exit code
     * @param out standard output
     * @param err standard error
     */
    public record Result(int exitCode, String out, String err) {}
}
