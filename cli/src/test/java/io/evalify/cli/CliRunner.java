package io.evalify.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;

/** Runs the CLI in-process with captured output and a test context (no TTY, fast polling). */
public final class CliRunner {

    private final CliContext context;

    /** A runner with {@code env} and {@code home}. */
    public CliRunner(Map<String, String> env, Path home) {
        this.context = new CliContext(env, home, false, Duration.ofMillis(10));
    }

    /** Runs {@code args}. */
    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = EvalifyCli.commandLine(context);
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
