package io.evalify.bench;

import io.evalify.cli.api.ApiClient;
import io.evalify.localstack.ChildProcess;
import io.evalify.localstack.Endpoints;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs the chosen scenarios, one after the other, against a started stack. Order: S1 (alone, so the worker's
 * peak memory is its own), S3 (which runs S1's workload again beside it), S2, S4, S5.
 */
final class ScenarioRunner {

    private static final double MIB_PER_GB = 1024;
    private static final Duration S5_RAMP = Duration.ofSeconds(10);
    private static final Duration S5_HOLD = Duration.ofSeconds(10);
    private static final int S5_MAX_HOLDS = 6;
    private static final int S4_WARM_UP_POSTS = 3;
    private static final int S4_MAX_WARM_UP_POSTS = 12;
    private static final int MAX_WARM_UP_ROUNDS = 40;
    /** The JIT counts as settled once its compilers use at most this share of the stack's CPU. */
    private static final double JIT_SETTLED = 0.10;

    private final BenchPlan plan;
    private final JobDriver jobs;
    private final Endpoints endpoints;
    private final long workerPid;
    private final PrintWriter out;
    private final Supplier<List<ChildProcess>> children;

    ScenarioRunner(
            BenchPlan plan,
            JobDriver jobs,
            Endpoints endpoints,
            Supplier<List<ChildProcess>> children,
            long workerPid,
            PrintWriter out) {
        this.plan = plan;
        this.jobs = jobs;
        this.endpoints = endpoints;
        this.children = children;
        this.workerPid = workerPid;
        this.out = out;
    }

    /** The scenarios' results in run order, and how the stack was warmed up before them. */
    record Outcome(List<ScenarioResult> results, String warmUp) {}

    /** Every chosen scenario's result, in run order, after warm-up rounds (a job on each lane) until the JIT settles. */
    Outcome runAll() {
        String warmUp = warmUp();
        List<ScenarioResult> results = new ArrayList<>();
        runIfChosen(Scenario.S1, this::s1, results);
        runIfChosen(Scenario.S3, this::s3, results);
        runIfChosen(Scenario.S2, this::s2, results);
        runIfChosen(Scenario.S4, this::s4, results);
        runIfChosen(Scenario.S5, this::s5, results);
        return new Outcome(results, warmUp);
    }

    /**
     * Warm-up rounds, each a job on the LLM lane and one on the objective lane, until the JIT compilers use at most
     * {@link #JIT_SETTLED} of the stack's CPU in a round (or {@link #MAX_WARM_UP_ROUNDS} rounds): the targets are
     * about a running service, not one still compiling itself. Where the compilers cannot be observed, one round.
     */
    private String warmUp() {
        for (int round = 1; ; round++) {
            Optional<JitActivity> before = JitActivity.sample(children.get());
            JobRun llm = jobs.run(BenchPlan.WARM_UP_LLM_QUIZ);
            JobRun objective = jobs.run(BenchPlan.WARM_UP_OBJECTIVE_QUIZ);
            Optional<Double> jit = jitShareSince(before);
            progress(
                    "warm-up round %d: %d students on the LLM lane in %.1f s (%s), on the objective lane in %.1f s (%s);"
                            + " JIT compilers %s of the stack's CPU",
                    round,
                    plan.warmUpStudents(),
                    llm.seconds(),
                    llm.status(),
                    objective.seconds(),
                    objective.status(),
                    jit.map(ScenarioRunner::percent).orElse("unobserved"));
            if (!stillCompiling(jit) || round == MAX_WARM_UP_ROUNDS) {
                return String.format(
                        Locale.ROOT,
                        "Warm-up: %d round(s) of a %d-student job on the LLM lane and one on the objective lane, until"
                                + " the JIT compilers used at most %s of the stack's CPU in a round (last round: %s; at"
                                + " most %d rounds).",
                        round,
                        plan.warmUpStudents(),
                        percent(JIT_SETTLED),
                        jit.map(ScenarioRunner::percent).orElse("unobserved"),
                        MAX_WARM_UP_ROUNDS);
            }
        }
    }

    private Optional<Double> jitShareSince(Optional<JitActivity> before) {
        return before.flatMap(b -> JitActivity.sample(children.get()).map(now -> now.compilerShareSince(b)));
    }

    /** Runs {@code step}; the JIT compilers' share of the stack's CPU meanwhile (empty where unobservable). */
    private Optional<Double> jitShareDuring(Runnable step) {
        Optional<JitActivity> before = JitActivity.sample(children.get());
        step.run();
        return jitShareSince(before);
    }

    /** Over {@link #JIT_SETTLED}; an unobserved share counts as settled. */
    private static boolean stillCompiling(Optional<Double> share) {
        return share.orElse(0.0) > JIT_SETTLED;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    private void runIfChosen(Scenario scenario, Supplier<ScenarioResult> run, List<ScenarioResult> results) {
        if (plan.scenarios().contains(scenario)) {
            progress("%s: running", scenario);
            CpuUsage before = CpuUsage.sample(children.get());
            Optional<JitActivity> jitBefore = JitActivity.sample(children.get());
            long start = System.nanoTime();
            ScenarioResult result = run.get();
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            String jit = jitShareSince(jitBefore)
                    .map(share -> "; JIT compilers " + percent(share) + " of the CPU used")
                    .orElse("");
            result = result.withNote(CpuUsage.sample(children.get())
                            .since(before, wall, Runtime.getRuntime().availableProcessors())
                    + jit);
            progress("%s: %s %s", scenario, result.headline().renderValue(), result.passes() ? "PASS" : "FAIL");
            results.add(result);
        }
    }

    /** S1: descriptive answers, slow LLM: time to COMPLETED against the ideal, and the worker's peak RSS. */
    ScenarioResult s1() {
        boolean reset = ProcessMemory.resetPeak(workerPid);
        // A local stack's worker takes the API's key as its management key (SpringApps).
        WorkerLlmCalls llmCalls = new WorkerLlmCalls(endpoints.workerUrl(), endpoints.apiKey());
        Optional<Long> callsBefore = llmCalls.total();
        JobRun run = jobs.run(BenchPlan.S1_QUIZ);
        Optional<Long> calls = callsBefore.flatMap(before -> llmCalls.total().map(after -> after - before));
        Optional<Double> rss = ProcessMemory.peakRssMib(workerPid);
        List<Metric> metrics = new ArrayList<>(List.of(
                new Metric("POST to COMPLETED", run.seconds(), "s", plan.s1Target()),
                rss.map(mib -> new Metric("worker peak RSS", mib, "MiB", Target.atMost(MIB_PER_GB)))
                        .orElseGet(() -> Metric.info("worker peak RSS (unreadable)", 0, "MiB")),
                Metric.info("ideal (N x latency / concurrency)", plan.s1IdealSeconds(), "s")));
        calls.ifPresent(n -> metrics.add(Metric.info("LLM calls made (worker metrics)", n, "")));
        List<String> notes = new ArrayList<>();
        notes.add(String.format(
                Locale.ROOT,
                "%d students x 1 DESCRIPTIVE, fake LLM fixed %d ms, %d LLM calls in flight",
                plan.students(),
                plan.llmLatency().toMillis(),
                plan.llmConcurrency()));
        notes.add("worker peak RSS is VmHWM of pid " + workerPid
                + (reset ? ", reset just before the job" : " since its start (reset refused)"));
        return finish(ScenarioResult.of(Scenario.S1, title("x 1 DESCRIPTIVE, LLM 500 ms"), metrics, notes), run);
    }

    /** S3: an objective job while S1's workload runs, against the same job alone. */
    ScenarioResult s3() {
        JobRun alone = jobs.run(BenchPlan.S3_QUIZ);
        JobDriver.Submitted background = jobs.submit(BenchPlan.S1_QUIZ);
        jobs.awaitProgress(background);
        JobRun during = jobs.run(BenchPlan.S3_QUIZ);
        JobRun backgroundRun = jobs.await(background);
        double ratio = during.seconds() / alone.seconds();
        List<Metric> metrics = List.of(
                new Metric("time during S1 / alone", ratio, "x", Target.atMost(1.5)),
                Metric.info("alone", alone.seconds(), "s"),
                Metric.info("during S1", during.seconds(), "s"),
                // where the time goes: answering the POST, then routing until the first task is taken up
                Metric.info("POST alone", alone.post().toMillis(), "ms"),
                Metric.info("POST during S1", during.post().toMillis(), "ms"),
                Metric.info("POST to first task, alone", alone.firstTask().toMillis(), "ms"),
                Metric.info("POST to first task, during S1", during.firstTask().toMillis(), "ms"));
        String note = String.format(
                Locale.ROOT,
                "%d students x %d objective questions; the S1 job beside it took %.1f s",
                plan.s3Students(),
                BenchPlan.OBJECTIVE_QUESTIONS,
                backgroundRun.seconds());
        ScenarioResult result = ScenarioResult.of(
                Scenario.S3, plan.s3Students() + " objective students during S1", metrics, List.of(note));
        return finish(finish(finish(result, alone), during), backgroundRun);
    }

    /** S2: objective answers only: students per second. */
    ScenarioResult s2() {
        JobRun run = jobs.run(BenchPlan.S2_QUIZ);
        List<Metric> metrics = List.of(
                new Metric(
                        "students/s, POST to COMPLETED", plan.students() / run.seconds(), "/s", Target.atLeast(1500)),
                Metric.info("POST to COMPLETED", run.seconds(), "s"));
        String note = String.format(
                Locale.ROOT,
                "%d students x %d questions (%s), backend latency %d ms, objective lane %d",
                plan.students(),
                BenchPlan.OBJECTIVE_QUESTIONS,
                BenchPlan.OBJECTIVE_TYPES,
                plan.backendLatency().toMillis(),
                plan.objectiveLane());
        return finish(ScenarioResult.of(Scenario.S2, title("x 20 objective"), metrics, List.of(note)), run);
    }

    /**
     * S4: POST latency of a large job; each job is cancelled and drained before the next POST. The first POSTs of a
     * 10,000-student list run while the API's JIT compiles the list parser, so they are reported apart as the
     * cold POST and not counted: the target is about a running service.
     */
    ScenarioResult s4() {
        Duration cold = postAndCancel();
        int warmUps = 1;
        boolean compiling = true;
        while (warmUps < S4_WARM_UP_POSTS || (compiling && warmUps < S4_MAX_WARM_UP_POSTS)) {
            compiling = stillCompiling(jitShareDuring(this::postAndCancel));
            warmUps++;
        }
        long[] nanos = new long[plan.s4Posts()];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = postAndCancel().toNanos();
        }
        Percentiles latency = Percentiles.of(nanos);
        List<Metric> metrics = List.of(
                new Metric("POST p99", latency.millis(99), "ms", Target.atMost(500)),
                Metric.info("POST p50", latency.millis(50), "ms"),
                Metric.info("POST max", latency.maxMillis(), "ms"),
                Metric.info("first POST (cold)", cold.toMillis(), "ms"));
        String note = String.format(
                Locale.ROOT,
                "%d timed POSTs (after %d warm-up POSTs, the first reported as cold; at least %d, more while the JIT"
                        + " compilers used over %s of the stack's CPU in one, at most %d) of a %d-student job (force, "
                        + "override_evaluated); each job is cancelled and drained before the next POST",
                nanos.length,
                warmUps,
                S4_WARM_UP_POSTS,
                percent(JIT_SETTLED),
                S4_MAX_WARM_UP_POSTS,
                plan.students());
        return ScenarioResult.of(Scenario.S4, title("job POST"), metrics, List.of(note));
    }

    private Duration postAndCancel() {
        JobDriver.Submitted job = jobs.submit(BenchPlan.S2_QUIZ);
        jobs.cancel(job.jobId());
        jobs.await(job);
        return job.postLatency();
    }

    /** S5: status reads at a steady rate, open loop. */
    ScenarioResult s5() {
        JobRun job = jobs.run(BenchPlan.S3_QUIZ);
        URI url = URI.create(endpoints.apiUrl() + "/api/v1/jobs/evaluation/" + job.jobId());
        String[] headers = {ApiClient.API_KEY_HEADER, endpoints.apiKey(), "Accept", "application/json"};
        LoadGenerator.Result result;
        int holds = 1;
        try (LoadGenerator load = new LoadGenerator()) {
            boolean compiling =
                    stillCompiling(jitShareDuring(() -> load.warmUp(url, headers, plan.s5Rate(), S5_RAMP, S5_HOLD)));
            // hold the rate while the API is still compiling its status path, like the warm-up rounds
            while (compiling && holds < S5_MAX_HOLDS) {
                compiling = stillCompiling(jitShareDuring(() -> load.run(url, headers, plan.s5Rate(), S5_HOLD)));
                holds++;
            }
            result = load.run(url, headers, plan.s5Rate(), plan.s5Duration());
        }
        List<Metric> metrics = List.of(
                new Metric("GET status p99", result.latencies().millis(99), "ms", Target.atMost(10)),
                new Metric("errors", result.errors(), "", Target.atMost(0)),
                Metric.info("GET status p50", result.latencies().millis(50), "ms"),
                Metric.info("GET status max", result.latencies().maxMillis(), "ms"),
                Metric.info("achieved rate", result.achievedRate(), "/s"));
        String note = String.format(
                Locale.ROOT,
                "%,d GETs of one job's status at %,d/s for %d s (after a warm-up: %d s ramping up to that rate, then"
                        + " %d s at it, %d time(s): until the JIT compilers used at most %s of the stack's CPU in one,"
                        + " at most %d), open loop, latency from each request's due time, over %,d keep-alive"
                        + " connections opened as needed",
                result.sent(),
                plan.s5Rate(),
                plan.s5Duration().toSeconds(),
                S5_RAMP.toSeconds(),
                S5_HOLD.toSeconds(),
                holds,
                percent(JIT_SETTLED),
                S5_MAX_HOLDS,
                result.connectionsOpened());
        return ScenarioResult.of(Scenario.S5, "status GET at " + plan.s5Rate() + "/s", metrics, List.of(note));
    }

    private String title(String workload) {
        return String.format(Locale.ROOT, "%,d students %s", plan.students(), workload);
    }

    /** Adds a FAIL when {@code run} did not complete: its time would mean nothing. */
    private static ScenarioResult finish(ScenarioResult result, JobRun run) {
        if (run.completed()) {
            return result;
        }
        List<Metric> metrics = new ArrayList<>(result.metrics());
        metrics.add(new Metric("job " + run.jobId() + " ended " + run.status(), 0, "", Target.atLeast(1)));
        return new ScenarioResult(result.scenario(), result.title(), metrics, result.baselines(), result.notes());
    }

    private void progress(String format, Object... args) {
        out.printf(Locale.ROOT, "  ... " + format + "%n", args);
        out.flush();
    }
}
