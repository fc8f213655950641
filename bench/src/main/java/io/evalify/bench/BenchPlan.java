package io.evalify.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sizes, fake latencies and targets of a bench run. The full run is issue 7's: 10,000 students,
 * a 500 ms LLM at 256 calls in flight, a 5 ms backend; {@code --students N} scales the student counts (and
 * S5's duration) down for a quick run, whose targets are then only indicative.
 *
 * @param scenarios the scenarios to run
 * @param students students of S1, S2 and S4
 * @param s3Students students of S3's objective job
 * @param s4Posts timed POSTs of S4
 * @param s5Rate S5's requests per second
 * @param s5Duration how long S5 sends
 * @param llmLatency the fake LLM's fixed latency
 * @param llmConcurrency LLM calls in flight in the worker (and LLM lane size)
 * @param objectiveLane the worker's objective lane size
 * @param backendLatency the fake backend's fixed latency on every route
 */
public record BenchPlan(
        Set<Scenario> scenarios,
        int students,
        int s3Students,
        int s4Posts,
        int s5Rate,
        Duration s5Duration,
        Duration llmLatency,
        int llmConcurrency,
        int objectiveLane,
        Duration backendLatency) {

    /** Students of the full-size run. */
    public static final int FULL_STUDENTS = 10_000;

    /** Objective questions per student in S2, S3 and S4. */
    public static final int OBJECTIVE_QUESTIONS = 20;

    /** The question types of the objective quizzes. */
    public static final String OBJECTIVE_TYPES = "MCQ,MMCQ,TRUE_FALSE";

    static final String S1_QUIZ = "b1000000-0000-4000-8000-000000000001";
    static final String S2_QUIZ = "b2000000-0000-4000-8000-000000000002";
    static final String S3_QUIZ = "b3000000-0000-4000-8000-000000000003";
    static final String WARM_UP_LLM_QUIZ = "b0000000-0000-4000-8000-000000000001";
    static final String WARM_UP_OBJECTIVE_QUIZ = "b0000000-0000-4000-8000-000000000002";

    private static final int WARM_UP_STUDENTS = 500;

    private static final Duration S5_FULL_DURATION = Duration.ofSeconds(30);
    private static final Duration S5_MIN_DURATION = Duration.ofSeconds(3);

    /** The plan for {@code scenarios}, full size unless {@code students} is given. */
    public static BenchPlan of(Set<Scenario> scenarios, Integer students) {
        int n = students == null ? FULL_STUDENTS : students;
        if (n < 1) {
            throw new IllegalArgumentException("--students must be at least 1");
        }
        double scale = Math.min(1.0, (double) n / FULL_STUDENTS);
        long s5Millis = Math.max(S5_MIN_DURATION.toMillis(), Math.round(S5_FULL_DURATION.toMillis() * scale));
        return new BenchPlan(
                Set.copyOf(scenarios),
                n,
                Math.max(1, n / 5),
                20,
                2_000,
                Duration.ofMillis(s5Millis),
                Duration.ofMillis(500),
                256,
                64,
                Duration.ofMillis(5));
    }

    /** Whether this is a scaled-down run (targets only indicative). */
    public boolean scaled() {
        return students != FULL_STUDENTS;
    }

    /** S1's ideal time: one call per student, every call in flight at the concurrency limit, nothing else. */
    public double s1IdealSeconds() {
        double waves = Math.max(1.0, (double) students / llmConcurrency);
        return waves * llmLatency.toMillis() / 1000.0;
    }

    /** S1's target: within 25 % of ideal. */
    public Target s1Target() {
        return Target.atMost(Math.round(s1IdealSeconds() * 1.25 * 10) / 10.0);
    }

    /** The fakes' arguments: one generated quiz per scenario that needs it, and the fixed latencies. */
    public List<String> fakesArgs() {
        List<String> args = new ArrayList<>();
        args.addAll(quiz(WARM_UP_LLM_QUIZ, warmUpStudents(), 1, "DESCRIPTIVE"));
        args.addAll(quiz(WARM_UP_OBJECTIVE_QUIZ, warmUpStudents(), OBJECTIVE_QUESTIONS, OBJECTIVE_TYPES));
        if (scenarios.contains(Scenario.S1) || scenarios.contains(Scenario.S3)) {
            // every answer needs its LLM call (none blank, none the model answer): the ideal assumes one each
            args.addAll(quiz(S1_QUIZ, students, 1, "DESCRIPTIVE"));
            args.addAll(List.of("--answers", "graded"));
        }
        if (scenarios.contains(Scenario.S2) || scenarios.contains(Scenario.S4)) {
            args.addAll(quiz(S2_QUIZ, students, OBJECTIVE_QUESTIONS, OBJECTIVE_TYPES));
        }
        if (scenarios.contains(Scenario.S3) || scenarios.contains(Scenario.S5)) {
            args.addAll(quiz(S3_QUIZ, s3Students, OBJECTIVE_QUESTIONS, OBJECTIVE_TYPES));
        }
        args.addAll(List.of(
                "--backend-latency-ms",
                Long.toString(backendLatency.toMillis()),
                "--llm-latency",
                "fixed:" + llmLatency.toMillis()));
        return args;
    }

    /** Students of each warm-up job (one per lane, run before the scenarios so JIT and connections are warm). */
    public int warmUpStudents() {
        return Math.min(students, WARM_UP_STUDENTS);
    }

    /** The worker's environment: lane sizes and LLM concurrency. */
    public Map<String, String> workerEnv() {
        return Map.of(
                "EVALIFY_WORKER_LANES_LLM", Integer.toString(llmConcurrency),
                "EVALIFY_LLM_MAX_CONCURRENCY", Integer.toString(llmConcurrency),
                "EVALIFY_WORKER_LANES_OBJECTIVE", Integer.toString(objectiveLane));
    }

    private static List<String> quiz(String id, int students, int questions, String types) {
        return List.of(
                "--generate-quiz",
                id,
                "--students",
                Integer.toString(students),
                "--questions",
                Integer.toString(questions),
                "--types",
                types,
                "--seed",
                "7");
    }
}
