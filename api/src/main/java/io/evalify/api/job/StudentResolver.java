package io.evalify.api.job;

import io.evalify.schemas.backend.ResponseStatus;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides which students a job grades, from the backend's response rows and the request's filter. Without a
 * filter: every submitted response. With one: the listed students that have a response row, in the caller's
 * order, duplicates dropped; ids the backend does not know are ignored (the old evaluator's behaviour).
 * Either way a response already graded (automatically or by hand) is left alone unless the job overrides it,
 * and a row without a student id (which no task could name) is ignored.
 */
final class StudentResolver {

    private StudentResolver() {}

    static List<String> resolve(List<ResponseStatus> all, List<String> filter, boolean overrideEvaluated) {
        var rows = all.stream().filter(row -> row.studentId() != null).toList();
        Map<String, ResponseStatus> byStudent =
                rows.stream().collect(Collectors.toMap(ResponseStatus::studentId, Function.identity(), (a, b) -> a));
        var candidates = filter == null
                ? rows.stream()
                        .filter(ResponseStatus::isSubmitted)
                        .map(ResponseStatus::studentId)
                        .toList()
                : new LinkedHashSet<>(filter)
                        .stream().filter(byStudent::containsKey).toList();
        return candidates.stream()
                .filter(id -> overrideEvaluated || !alreadyEvaluated(byStudent.get(id)))
                .toList();
    }

    private static boolean alreadyEvaluated(ResponseStatus row) {
        return row != null && row.isAlreadyEvaluated();
    }
}
