package io.evalify.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchPlanTest {

    private static final Set<Scenario> ALL = EnumSet.allOf(Scenario.class);

    @Test
    void shouldRunIssueSevensSizesByDefault() {
        BenchPlan plan = BenchPlan.of(ALL, null);

        assertThat(plan.scaled()).isFalse();
        assertThat(plan.students()).isEqualTo(10_000);
        assertThat(plan.s3Students()).isEqualTo(2_000);
        assertThat(plan.s4Posts()).isEqualTo(20);
        assertThat(plan.s5Rate()).isEqualTo(2_000);
        assertThat(plan.s5Duration()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldTargetS1AtAQuarterAboveTheIdealTime() {
        BenchPlan plan = BenchPlan.of(ALL, null);

        assertThat(plan.s1IdealSeconds()).isEqualTo(10_000 * 0.5 / 256);
        assertThat(plan.s1Target()).isEqualTo(Target.atMost(24.4));
    }

    @Test
    void shouldScaleStudentsAndS5DownForAQuickRun() {
        BenchPlan plan = BenchPlan.of(ALL, 1_000);

        assertThat(plan.scaled()).isTrue();
        assertThat(plan.s3Students()).isEqualTo(200);
        assertThat(plan.s5Duration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(plan.s1IdealSeconds()).isEqualTo(1_000 / 256.0 * 0.5);
        assertThat(BenchPlan.of(ALL, 20).s1IdealSeconds())
                .as("one wave of calls at least")
                .isEqualTo(0.5);
    }

    @Test
    void shouldGenerateOnlyTheQuizzesTheChosenScenariosNeed() {
        String s2Only =
                String.join(" ", BenchPlan.of(EnumSet.of(Scenario.S2), 1_000).fakesArgs());

        assertThat(s2Only)
                .contains("--generate-quiz " + BenchPlan.S2_QUIZ
                        + " --students 1000 --questions 20 --types MCQ,MMCQ,TRUE_FALSE")
                .contains("--generate-quiz " + BenchPlan.WARM_UP_LLM_QUIZ)
                .doesNotContain(BenchPlan.S1_QUIZ)
                .doesNotContain(BenchPlan.S3_QUIZ)
                .contains("--backend-latency-ms 5")
                .contains("--llm-latency fixed:500");
        assertThat(String.join(" ", BenchPlan.of(EnumSet.of(Scenario.S3), null).fakesArgs()))
                .contains(
                        "--generate-quiz " + BenchPlan.S1_QUIZ + " --students 10000 --questions 1 --types DESCRIPTIVE")
                .containsPattern("--generate-quiz " + BenchPlan.S1_QUIZ + " [^-]*(--[a-z]+ [^ ]+ )*--answers graded")
                .contains("--generate-quiz " + BenchPlan.S3_QUIZ + " --students 2000 --questions 20");
    }

    @Test
    void shouldSizeTheWorkersLanesAndLlmConcurrency() {
        assertThat(BenchPlan.of(ALL, null).workerEnv())
                .containsEntry("EVALIFY_WORKER_LANES_LLM", "256")
                .containsEntry("EVALIFY_LLM_MAX_CONCURRENCY", "256")
                .containsEntry("EVALIFY_WORKER_LANES_OBJECTIVE", "64");
    }

    @Test
    void shouldRefuseFewerThanOneStudent() {
        assertThatThrownBy(() -> BenchPlan.of(ALL, 0)).hasMessageContaining("at least 1");
    }
}
