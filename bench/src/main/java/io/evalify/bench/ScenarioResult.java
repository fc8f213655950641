package io.evalify.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What one scenario measured.
 *
 * @param scenario the scenario
 * @param title a one-line description of its workload
 * @param metrics the numbers, the headline (the one baselines are compared with) first
 * @param baselines the same workload on the systems we replace (S1, S2 only)
 * @param notes anything a reader needs to interpret the numbers
 */
public record ScenarioResult(
        Scenario scenario, String title, List<Metric> metrics, List<BaselineResult> baselines, List<String> notes) {

    /** Copies the lists. */
    public ScenarioResult {
        metrics = List.copyOf(metrics);
        baselines = List.copyOf(baselines);
        notes = List.copyOf(notes);
    }

    /** A result without baselines yet. */
    public static ScenarioResult of(Scenario scenario, String title, List<Metric> metrics, List<String> notes) {
        return new ScenarioResult(scenario, title, metrics, List.of(), notes);
    }

    /** The same result with baselines added. */
    public ScenarioResult withBaselines(List<BaselineResult> results) {
        return new ScenarioResult(scenario, title, metrics, results, notes);
    }

    /** The same result with a note added. */
    public ScenarioResult withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new ScenarioResult(scenario, title, metrics, baselines, more);
    }

    /** Whether every metric with a target meets it. */
    public boolean passes() {
        return metrics.stream().noneMatch(Metric::fails);
    }

    /** The headline metric. */
    public Metric headline() {
        return metrics.getFirst();
    }
}
