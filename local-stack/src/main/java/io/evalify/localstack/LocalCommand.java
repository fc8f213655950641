package io.evalify.localstack;

import io.evalify.cli.CliContext;
import io.evalify.cli.CurrentRun;
import io.evalify.cli.EvalifyCli;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code evalify local}: the whole system on this machine, one demo job, then a clean stop. */
@Command(
        name = "local",
        mixinStandardHelpOptions = true,
        description = {
            "Start Redis, a Kafka broker, the fakes (backend, LLM, Judge0), the API and the worker as child processes "
                    + "on free 127.0.0.1 ports, grade a generated demo quiz with a live progress bar, print a summary, "
                    + "then stop everything. Logs: .evalify/local/<timestamp>/logs/.",
            "Exit code 0 if the demo job COMPLETED, 1 otherwise, 3 if the stack did not start."
        })
public final class LocalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--students",
            paramLabel = "N",
            defaultValue = "200",
            description = "Students in the demo quiz (default: ${DEFAULT-VALUE}).")
    int students;

    @Option(
            names = "--keep-running",
            description = "After the demo job, keep the stack up (prints the API URL and key) until Ctrl-C.")
    boolean keepRunning;

    @Option(
            names = "--backend-url",
            paramLabel = "URL",
            description = "Use this Evalify backend (e.g. http://host/api/utils) instead of the fake; needs --quiz-id.")
    String backendUrl;

    @Option(names = "--backend-api-key", paramLabel = "KEY", description = "Key of the --backend-url backend.")
    String backendApiKey;

    @Option(
            names = "--llm-url",
            paramLabel = "URL",
            description = "Use this OpenAI-compatible LLM instead of the fake.")
    String llmUrl;

    @Option(names = "--llm-api-key", paramLabel = "KEY", description = "Key of the --llm-url LLM.")
    String llmApiKey;

    @Option(names = "--llm-model", paramLabel = "M", description = "Model name for the --llm-url LLM.")
    String llmModel;

    @Option(names = "--judge0-url", paramLabel = "URL", description = "Use this Judge0 instead of the fake.")
    String judge0Url;

    @Option(
            names = "--quiz-id",
            paramLabel = "ID",
            description = "Quiz to grade (default: the generated demo quiz " + LocalSettings.DEMO_QUIZ_ID + ").")
    String quizId;

    @Option(
            names = "--api-port",
            paramLabel = "PORT",
            defaultValue = "0",
            description = "Port of the API (default: a free port).")
    int apiPort;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "PT10M",
            description = "Give up on the demo job after this long, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    private final CliContext context;

    /** The command with {@code context}. */
    public LocalCommand(CliContext context) {
        this.context = context;
    }

    /** Entry point of this module's jar, which {@code ./evalify local} runs with the arguments after {@code local}. */
    public static void main(String[] args) {
        System.exit(commandLine(CliContext.fromSystem()).execute(args));
    }

    /** The configured command line; tests call this with their own context and writers. */
    public static CommandLine commandLine(CliContext context) {
        return EvalifyCli.standalone("local", new LocalCommand(context), context);
    }

    @Override
    public Integer call() {
        LocalSettings settings = settings();
        RepoLayout layout = new RepoLayout(context.home());
        layout.requireBuilt(settings.needsFakes());
        PrintWriter out = spec.commandLine().getOut();
        LeftoverProcesses.reap(context.localRoot(), LocalStack.STOP_GRACE, out);
        RunDir runDir = RunDir.create(context.localRoot(), LocalDateTime.now());
        out.printf("evalify local: run directory %s%n", context.home().relativize(runDir.path()));
        LocalStack stack = new LocalStack(runDir, context.home(), out);
        Thread hook = shutdownHook(stack);
        try {
            return run(layout, stack, settings);
        } finally {
            stack.close();
            removeHook(hook);
        }
    }

    private int run(RepoLayout layout, LocalStack stack, LocalSettings settings) {
        PrintWriter out = spec.commandLine().getOut();
        Endpoints endpoints = new StackStarter(layout, stack, out).startAll(settings);
        LocalSession session = new LocalSession(stack, out, context.tty(), context.pollInterval());
        int code = session.runDemoJob(endpoints, settings);
        if (keepRunning) {
            session.keepRunning(endpoints, context.localRoot());
        }
        return code;
    }

    /** Validates the options into settings; inconsistent options are usage errors (exit 2). */
    LocalSettings settings() {
        if (backendUrl != null && quizId == null) {
            throw new ParameterException(
                    spec.commandLine(), "--backend-url needs --quiz-id (the fake's demo quiz is not there)");
        }
        if (students < 1) {
            throw new ParameterException(spec.commandLine(), "--students must be at least 1");
        }
        return new LocalSettings(
                students,
                quizId != null ? quizId : LocalSettings.DEMO_QUIZ_ID,
                backendUrl == null ? null : new LocalSettings.External(backendUrl, backendApiKey),
                llmUrl == null ? null : new LocalSettings.Llm(llmUrl, llmApiKey, llmModel),
                judge0Url,
                apiPort,
                timeout);
    }

    /** Ctrl-C or SIGTERM: stop every child and drop the {@code current.json} pointer. */
    private Thread shutdownHook(LocalStack stack) {
        long pid = ProcessHandle.current().pid();
        Thread hook = new Thread(
                () -> {
                    stack.close();
                    CurrentRun.deleteIfOwnedBy(context.localRoot(), pid);
                },
                "evalify-local-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running or has run
        }
    }
}
