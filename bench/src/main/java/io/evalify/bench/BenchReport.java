package io.evalify.bench;

import io.evalify.schemas.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outcome of a bench run as {@code latest.json} (for tools) and {@code latest.md} (a table for people).
 *
 * @param machine where it ran
 * @param plan what it ran
 * @param results one per scenario, in run order
 * @param runNotes notes on the run as a whole (how the stack was warmed up)
 */
public record BenchReport(MachineInfo machine, BenchPlan plan, List<ScenarioResult> results, List<String> runNotes) {

    /** Copies the lists. */
    public BenchReport {
        results = List.copyOf(results);
        runNotes = List.copyOf(runNotes);
    }

    /** Whether every scenario met its targets. */
    public boolean passes() {
        return results.stream().allMatch(ScenarioResult::passes);
    }

    /** Writes {@code latest.json} and {@code latest.md} to {@code dir}; returns the markdown. */
    public String write(Path dir) {
        String markdown = toMarkdown();
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("latest.json"), toJson() + System.lineSeparator());
            Files.writeString(dir.resolve("latest.md"), markdown);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bench report to " + dir, e);
        }
        return markdown;
    }

    /** The report as indented JSON. */
    public String toJson() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.set("machine", Json.mapper().valueToTree(machine));
        ObjectNode run = root.putObject("plan");
        run.put("students", plan.students());
        run.put("scaled_down", plan.scaled());
        run.put("llm_latency_ms", plan.llmLatency().toMillis());
        run.put("llm_concurrency", plan.llmConcurrency());
        run.put("objective_lane", plan.objectiveLane());
        run.put("backend_latency_ms", plan.backendLatency().toMillis());
        ArrayNode scenarios = root.putArray("scenarios");
        results.forEach(r -> scenarios.add(scenarioJson(r)));
        ArrayNode notes = root.putArray("notes");
        runNotes.forEach(notes::add);
        root.put("pass", passes());
        return Json.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }

    private static ObjectNode scenarioJson(ScenarioResult r) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("scenario", r.scenario().name());
        node.put("title", r.title());
        node.put("pass", r.passes());
        ArrayNode metrics = node.putArray("metrics");
        r.metrics().forEach(m -> {
            ObjectNode metric = metrics.addObject();
            metric.put("name", m.name());
            metric.put("value", m.value());
            metric.put("unit", m.unit());
            if (m.target() != null) {
                metric.put("target", m.target().render(m.unit()));
                metric.put("pass", !m.fails());
            }
        });
        ArrayNode baselines = node.putArray("baselines");
        r.baselines().forEach(b -> {
            ObjectNode baseline = baselines.addObject();
            baseline.put("system", b.system());
            baseline.put("seconds", b.seconds());
            baseline.put("ratio_to_ours", b.ratio());
            baseline.put("note", b.note());
        });
        ArrayNode notes = node.putArray("notes");
        r.notes().forEach(notes::add);
        return node;
    }

    /** The report as markdown: machine line, one table row per metric, then the notes. */
    public String toMarkdown() {
        List<String> lines = new ArrayList<>();
        lines.add("# Evalify bench " + machine.date());
        lines.add("");
        lines.add(String.format(
                Locale.ROOT,
                "Machine: %d CPUs (%s), %,d MiB RAM, %s, %s; load average %.1f at start.%s",
                machine.cpus(),
                machine.cpuModel(),
                machine.memoryMib(),
                machine.os(),
                machine.java(),
                machine.loadAverage(),
                plan.scaled() ? " Scaled-down run (" + plan.students() + " students): targets only indicative." : ""));
        if (machine.busy()) {
            lines.add("");
            lines.add("**Warning: the machine was busy with other work when the bench started; the numbers understate"
                    + " what the service does on a quiet machine.**");
        }
        runNotes.forEach(n -> {
            lines.add("");
            lines.add(n);
        });
        lines.add("");
        lines.add("| Scenario | Metric | Ours | Target | Result | rq | celery |");
        lines.add("|---|---|---|---|---|---|---|");
        results.forEach(r -> lines.addAll(rows(r)));
        lines.add("");
        results.forEach(r -> r.notes().forEach(n -> lines.add("- " + r.scenario() + ": " + n)));
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    private static List<String> rows(ScenarioResult r) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < r.metrics().size(); i++) {
            Metric m = r.metrics().get(i);
            boolean first = i == 0;
            rows.add(String.join(
                    " | ",
                    "| " + (first ? r.scenario() + " " + r.title() : ""),
                    m.name(),
                    m.renderValue(),
                    m.target() == null ? "-" : m.target().render(m.unit()),
                    m.verdict(),
                    first ? baseline(r, "rq") : "",
                    (first ? baseline(r, "celery") : "") + " |"));
        }
        return rows;
    }

    private static String baseline(ScenarioResult r, String system) {
        return r.baselines().stream()
                .filter(b -> b.system().equals(system))
                .findFirst()
                .map(BaselineResult::render)
                .orElse("-");
    }
}
