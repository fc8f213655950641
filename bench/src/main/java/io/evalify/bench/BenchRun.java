package io.evalify.bench;

import io.evalify.cli.api.ApiClient;
import io.evalify.cli.api.ApiTarget;
import io.evalify.localstack.ChildProcess;
import io.evalify.localstack.Endpoints;
import io.evalify.localstack.LeftoverProcesses;
import io.evalify.localstack.LocalSettings;
import io.evalify.localstack.LocalStack;
import io.evalify.localstack.RepoLayout;
import io.evalify.localstack.RunDir;
import io.evalify.localstack.StackException;
import io.evalify.localstack.StackStarter;
import io.evalify.localstack.StackTuning;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code evalify bench}: start a local stack tuned for the plan (fakes with the scenarios' quizzes and
 * latencies, the worker's lanes), run the scenarios, stop the stack, then run the baselines (with the machine
 * to themselves) and build the report.
 */
public final class BenchRun {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration BASELINE_TIMEOUT = Duration.ofMinutes(35);

    private final Path home;
    private final Path outDir;
    private final PrintWriter out;
    private final boolean baselines;
    private final List<String> workerJvmArgs;
    private final List<String> apiJvmArgs;

    /**
     * A bench of the checkout at {@code home}, reporting to {@code outDir}.
     *
     * @param baselines whether to run the RQ and Celery baselines of S1 and S2
     * @param workerJvmArgs extra JVM options of the worker (e.g. a flight recording)
     * @param apiJvmArgs extra JVM options of the API
     */
    public BenchRun(
            Path home,
            Path outDir,
            PrintWriter out,
            boolean baselines,
            List<String> workerJvmArgs,
            List<String> apiJvmArgs) {
        this.home = home;
        this.outDir = outDir;
        this.out = out;
        this.baselines = baselines;
        this.workerJvmArgs = List.copyOf(workerJvmArgs);
        this.apiJvmArgs = List.copyOf(apiJvmArgs);
    }

    /** Runs {@code plan}; the stack is always stopped, also on Ctrl-C. */
    public BenchReport run(BenchPlan plan) {
        RepoLayout layout = new RepoLayout(home);
        layout.requireBuilt(true);
        MachineInfo machine = MachineInfo.detect(Instant.now());
        LeftoverProcesses.reap(outDir.resolve("tmp"), LocalStack.STOP_GRACE, out);
        RunDir runDir = RunDir.create(outDir.resolve("tmp"), LocalDateTime.now());
        out.printf(
                "evalify bench: %d students, scenarios %s; logs in %s%n",
                plan.students(), plan.scenarios(), runDir.path());
        ScenarioRunner.Outcome outcome;
        try (LocalStack stack = new LocalStack(runDir, home, out)) {
            Thread hook = new Thread(stack::close, "evalify-bench-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            outcome = runScenarios(plan, layout, stack);
            removeHook(hook);
        }
        List<ScenarioResult> results = outcome.results();
        List<ScenarioResult> withBaselines = baselines ? addBaselines(plan, results, runDir.logs()) : results;
        return new BenchReport(machine, plan, withBaselines, List.of(outcome.warmUp()));
    }

    private ScenarioRunner.Outcome runScenarios(BenchPlan plan, RepoLayout layout, LocalStack stack) {
        StackTuning tuning = new StackTuning(plan.fakesArgs(), plan.workerEnv(), workerJvmArgs, apiJvmArgs);
        Endpoints endpoints = new StackStarter(layout, stack, out).startAll(settings(), tuning);
        ApiClient client = new ApiClient(new ApiTarget(URI.create(endpoints.apiUrl()), endpoints.apiKey()));
        JobDriver jobs = new JobDriver(client, stack::checkAlive, JOB_TIMEOUT);
        return new ScenarioRunner(plan, jobs, endpoints, stack::snapshot, workerPid(stack), out).runAll();
    }

    private List<ScenarioResult> addBaselines(BenchPlan plan, List<ScenarioResult> results, Path logs) {
        Baselines runner = new Baselines(home, logs, BASELINE_TIMEOUT);
        List<ScenarioResult> all = new ArrayList<>();
        for (ScenarioResult r : results) {
            boolean compared = r.scenario() == Scenario.S1 || r.scenario() == Scenario.S2;
            if (compared) {
                out.printf(
                        "  ... %s: baselines %s%s%n",
                        r.scenario(),
                        Baselines.SYSTEMS,
                        runner.available() ? "" : " (" + Baselines.NOT_AVAILABLE + ")");
                out.flush();
            }
            all.add(compared ? r.withBaselines(runner.run(r.scenario(), plan.students(), oursSeconds(r))) : r);
        }
        return all;
    }

    /** Our time for the workload, which the baselines report in seconds too. */
    private static double oursSeconds(ScenarioResult r) {
        return r.metrics().stream()
                .filter(m -> m.unit().equals("s"))
                .findFirst()
                .map(Metric::value)
                .orElse(0.0);
    }

    private static long workerPid(LocalStack stack) {
        return stack.snapshot().stream()
                .filter(c -> c.name().equals("worker"))
                .findFirst()
                .map(ChildProcess::pid)
                .orElseThrow(() -> StackException.startFailed("no worker process"));
    }

    /** The fakes serve the plan's quizzes; the demo quiz settings are unused. */
    private static LocalSettings settings() {
        return new LocalSettings(1, LocalSettings.DEMO_QUIZ_ID, null, null, null, 0, JOB_TIMEOUT);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running or has run
        }
    }
}
