package io.evalify.core.backend;

import io.evalify.schemas.backend.Question;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/**
 * Which of a quiz's questions a job grades, decided the same way when the API plans the job (its lane, whether the
 * quiz exists, the ids each task carries) and when the worker grades a student.
 */
public final class QuestionFilter {

    /** The backend's list has no ORDER BY: the quiz's own order, questions without an orderIndex last. */
    private static final Comparator<Question> QUIZ_ORDER =
            Comparator.comparing(q -> q.orderIndex() == null ? Integer.MAX_VALUE : q.orderIndex());

    private QuestionFilter() {}

    /** The questions whose id {@code ids} lists (all when {@code ids} is null; none when empty), in quiz order. */
    public static List<Question> select(List<Question> questions, List<String> ids) {
        var wanted = ids == null ? null : new HashSet<>(ids);
        return questions.stream()
                .filter(q -> wanted == null || (q.id() != null && wanted.contains(q.id())))
                .sorted(QUIZ_ORDER)
                .toList();
    }

    /**
     * The filter every task carries: the selected ids, once each, or null for all questions. A caller's filter may
     * hold up to 100,000 ids (about 1 MB); copied into each task it became 1 MB per student.
     */
    public static List<String> forTasks(List<Question> selected, List<String> ids) {
        return ids == null
                ? null
                : selected.stream().map(Question::id).distinct().toList();
    }
}
