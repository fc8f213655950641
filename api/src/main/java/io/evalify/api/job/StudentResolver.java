package io.evalify.api.job;

import io.evalify.api.web.ApiProblem;
import io.evalify.schemas.backend.ResponseStatus;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collector;

/**
 * Decides which students a job grades, from the backend's response rows and the request's filter. Without a
 * filter: every submitted response. With one: the listed students that have a response row, in the caller's
 * order, duplicates dropped; ids the backend does not know are ignored (the old evaluator's behaviour).
 * Either way a response already graded (automatically or by hand) is left alone unless the job overrides it,
 * a row without a student id (which no task could name) is ignored, and a student is taken once however many
 * of its rows qualify.
 *
 * <p>It decides row by row while the list arrives ({@link #collector}) and keeps only the ids it takes (and the
 * caller's filter), never the rows: a 100,000-student list is ~160 MB on the wire, the ids it yields ~13 MB.
 * Once more students qualify than one job may have, it stops the read with a 422 instead of reading on.
 */
final class StudentResolver {

    private final Set<String> filter;
    private final boolean overrideEvaluated;
    private final int limit;
    private final Set<String> taken = new LinkedHashSet<>();

    private StudentResolver(List<String> filter, boolean overrideEvaluated, int limit) {
        this.filter = filter == null ? null : new LinkedHashSet<>(filter);
        this.overrideEvaluated = overrideEvaluated;
        this.limit = limit;
    }

    /**
     * Collects the ids of the students to grade from the rows, in backend order without a filter and in the
     * filter's order with one.
     *
     * @param filter the caller's student ids, or null for every submitted response
     * @param limit the most students one job may have; one more is a 422 {@code too-many-students}
     */
    static Collector<ResponseStatus, ?, List<String>> collector(
            List<String> filter, boolean overrideEvaluated, int limit) {
        return Collector.of(
                () -> new StudentResolver(filter, overrideEvaluated, limit),
                StudentResolver::accept,
                StudentResolver::sequentialOnly,
                StudentResolver::students);
    }

    private void accept(ResponseStatus row) {
        if (row.studentId() == null || !wanted(row) || (!overrideEvaluated && row.isAlreadyEvaluated())) {
            return;
        }
        if (taken.add(row.studentId()) && taken.size() > limit) {
            throw ApiProblem.unprocessable(
                    "too-many-students",
                    "Too many students",
                    "More than " + limit + " students to grade; the limit is " + limit + " per job");
        }
    }

    private boolean wanted(ResponseStatus row) {
        return filter == null ? row.isSubmitted() : filter.contains(row.studentId());
    }

    private List<String> students() {
        return filter == null
                ? List.copyOf(taken)
                : filter.stream().filter(taken::contains).toList();
    }

    private StudentResolver sequentialOnly(StudentResolver other) {
        throw new UnsupportedOperationException("the rows arrive in order, one at a time");
    }
}
