package io.evalify.bench.hostile;

import io.evalify.fakes.llm.FakeLlm;
import io.evalify.grading.GradingServices;
import io.evalify.grading.StudentGrader;
import io.evalify.grading.hostile.HostileAnswers;
import io.evalify.grading.llm.LlmGrader;
import io.evalify.grading.support.LlmFixtures;
import io.evalify.grading.support.QuestionBuilder;
import io.evalify.grading.support.SettingsBuilder;
import io.evalify.schemas.Json;
import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.QuizSettings;
import io.evalify.schemas.result.SaveBody;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.engine.SourceOfRandomness;
import tools.jackson.databind.JsonNode;

/**
 * Every grader over the hostile answers of the fuzz test ({@link HostileAnswers}, the same generators), timed one
 * answer at a time through the public {@link StudentGrader} with the fake LLM over HTTP and an echoing code
 * runner. Each answer is graded beside a sentinel question; the answer "escaped" when grading threw, hit a grader
 * bug, gave marks outside the question's range, or disturbed the sentinel.
 */
public final class HostileAnswerRun {

    /** The time one question's grading may take on any answer. */
    public static final double BUDGET_MILLIS = 100;

    private static final Question SENTINEL = sentinel();

    private final int answers;
    private final int warmUp;
    private final long seed;

    /** A run of {@code answers} timed answers per grader after {@code warmUp} untimed ones, from {@code seed}. */
    public HostileAnswerRun(int answers, int warmUp, long seed) {
        this.answers = answers;
        this.warmUp = warmUp;
        this.seed = seed;
    }

    /** Runs every grader; one result per question type, in {@link HostileAnswers#questions()} order. */
    public List<GraderTiming> run() {
        try (var llm = new FakeLlm().start()) {
            var grader = new StudentGrader(new GradingServices(
                    new LlmGrader(LlmFixtures.configFor(llm)), HostileAnswers.echoingRunner(), Clock.systemUTC()));
            var results = new ArrayList<GraderTiming>();
            for (var question : HostileAnswers.questions()) {
                results.add(time(grader, question));
            }
            return results;
        }
    }

    private GraderTiming time(StudentGrader grader, Question question) {
        // jqwik's sampling outside a property draws from this thread's source of randomness: seeded, so every grader
        // gets the same answers and a run can be repeated.
        SourceOfRandomness.create(String.valueOf(seed));
        var answers = HostileAnswers.answer().sampleStream().iterator();
        for (int i = 0; i < warmUp; i++) {
            grade(grader, question, answers.next());
        }
        var timing = new GraderTiming.Builder(question.id());
        for (int i = 0; i < this.answers; i++) {
            var answer = answers.next();
            long start = System.nanoTime();
            boolean confined = grade(grader, question, answer);
            timing.add(System.nanoTime() - start, confined, size(answer));
        }
        return timing.build();
    }

    /** The answer's length as JSON text; -1 for one nested deeper than Jackson writes (the deep-array inputs). */
    private static int size(JsonNode answer) {
        try {
            return answer.toString().length();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Grades {@code answer} beside the sentinel; false when it escaped its question. */
    private static boolean grade(StudentGrader grader, Question question, JsonNode answer) {
        var response = Json.mapper().createObjectNode();
        response.putObject(question.id()).set("studentAnswer", answer);
        response.putObject(SENTINEL.id()).put("studentAnswer", "a");
        try {
            SaveBody body = grader.grade("quiz-1", "student-1", List.of(question, SENTINEL), settings(), response);
            var outcome = body.evaluationResult().data().get(question.id());
            return outcome.evaluationStatus() != null
                    && outcome.mark() >= -HostileAnswers.PENALTY
                    && outcome.mark() <= HostileAnswers.MARKS
                    && !String.valueOf(outcome.errorMessage()).startsWith("Internal grading error")
                    && body.evaluationResult().data().get(SENTINEL.id()).mark() == 1.0;
        } catch (RuntimeException | StackOverflowError e) {
            return false;
        }
    }

    private static QuizSettings settings() {
        return SettingsBuilder.aQuiz().build();
    }

    private static Question sentinel() {
        return QuestionBuilder.aQuestion().id("sentinel").mcq("a").build();
    }
}
