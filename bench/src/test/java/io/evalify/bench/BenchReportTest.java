package io.evalify.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.schemas.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class BenchReportTest {

    private static final MachineInfo MACHINE = new MachineInfo(
            2, "AMD EPYC", 24_105, "Linux 6.1", "OpenJDK 25", Instant.parse("2026-03-01T10:00:00Z"), 0.3);

    private final ScenarioResult s1 = ScenarioResult.of(
                    Scenario.S1,
                    "10,000 students x 1 DESCRIPTIVE, LLM 500 ms",
                    List.of(
                            new Metric("POST to COMPLETED", 21.3, "s", Target.atMost(24.4)),
                            new Metric("worker peak RSS", 1_200, "MiB", Target.atMost(1024))),
                    List.of("fake LLM fixed 500 ms"))
            .withBaselines(List.of(
                    BaselineResult.measured("rq", 426, 21.3),
                    BaselineResult.unavailable("celery", "baseline not available")));

    private static final String WARM_UP = "Warm-up: 2 round(s) until the JIT compilers used at most 5 % of the CPU.";

    private final BenchReport report =
            new BenchReport(MACHINE, BenchPlan.of(EnumSet.of(Scenario.S1), null), List.of(s1), List.of(WARM_UP));

    @Test
    void shouldRenderOneTableRowPerMetricWithBaselinesOnTheHeadline() {
        String markdown = report.toMarkdown();

        assertThat(markdown)
                .contains(
                        "Machine: 2 CPUs (AMD EPYC), 24,105 MiB RAM, Linux 6.1, OpenJDK 25; load average 0.3 at start.")
                .contains("| Scenario | Metric | Ours | Target | Result | rq | celery |")
                .contains("| S1 10,000 students x 1 DESCRIPTIVE, LLM 500 ms | POST to COMPLETED | 21.3 s | <= 24.4 s"
                        + " | PASS | 426 s (20x) | n/a (baseline not available) |")
                .contains("|  | worker peak RSS | 1,200 MiB | <= 1,024 MiB | FAIL |  |  |")
                .contains("- S1: fake LLM fixed 500 ms")
                .contains(System.lineSeparator() + WARM_UP + System.lineSeparator())
                .doesNotContain("Scaled-down")
                .doesNotContain("busy");
    }

    @Test
    void shouldFailTheRunWhenAnyTargetIsMissed() {
        assertThat(s1.passes()).isFalse();
        assertThat(report.passes()).isFalse();
    }

    @Test
    void shouldWarnWhenTheMachineWasBusy() {
        MachineInfo busy = new MachineInfo(2, "x", 1, "Linux", "Java", MACHINE.date(), 9.5);

        assertThat(new BenchReport(busy, report.plan(), List.of(s1), List.of()).toMarkdown())
                .contains("load average 9.5 at start")
                .contains("machine was busy");
    }

    @Test
    void shouldWriteTheJsonWithMachineTargetsAndBaselines(@TempDir Path dir) throws Exception {
        String markdown = report.write(dir);

        assertThat(Files.readString(dir.resolve("latest.md"))).isEqualTo(markdown);
        JsonNode json = Json.mapper().readTree(dir.resolve("latest.json").toFile());
        assertThat(json.path("machine").path("cpus").asInt()).isEqualTo(2);
        assertThat(json.path("machine").path("cpuModel").asString()).isEqualTo("AMD EPYC");
        assertThat(json.path("plan").path("students").asInt()).isEqualTo(10_000);
        assertThat(json.path("pass").asBoolean()).isFalse();
        assertThat(json.path("notes").get(0).asString()).isEqualTo(WARM_UP);
        JsonNode scenario = json.path("scenarios").get(0);
        assertThat(scenario.path("scenario").asString()).isEqualTo("S1");
        assertThat(scenario.path("metrics").get(0).path("value").asDouble()).isEqualTo(21.3);
        assertThat(scenario.path("metrics").get(0).path("target").asString()).isEqualTo("<= 24.4 s");
        assertThat(scenario.path("metrics").get(1).path("pass").asBoolean()).isFalse();
        assertThat(scenario.path("baselines").get(0).path("ratio_to_ours").asDouble())
                .isEqualTo(20.0);
        assertThat(scenario.path("baselines").get(1).path("note").asString()).isEqualTo("baseline not available");
    }
}
