package io.evalify.bench;

/**
 * One baseline system's run of a scenario, or why there is none.
 *
 * @param system {@code rq} or {@code celery}
 * @param seconds its time for the workload, or null when it did not run
 * @param ratio its time divided by ours (above 1: we are faster), or null
 * @param note why it did not run, or null
 */
public record BaselineResult(String system, Double seconds, Double ratio, String note) {

    /** A baseline that ran: {@code ratio} is its seconds over {@code oursSeconds}. */
    public static BaselineResult measured(String system, double seconds, double oursSeconds) {
        return new BaselineResult(system, seconds, oursSeconds > 0 ? seconds / oursSeconds : null, null);
    }

    /** A baseline that did not run. */
    public static BaselineResult unavailable(String system, String note) {
        return new BaselineResult(system, null, null, note);
    }

    /** E.g. {@code 312 s (14.2x)} or {@code n/a (baseline not available)}. */
    public String render() {
        if (seconds == null) {
            return "n/a (" + note + ")";
        }
        return Metric.format(seconds) + " s" + (ratio == null ? "" : " (" + Metric.format(ratio) + "x)");
    }
}
