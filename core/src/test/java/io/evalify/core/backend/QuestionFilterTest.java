package io.evalify.core.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.schemas.backend.Question;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The question filter the API plans a job with and the worker grades with. */
class QuestionFilterTest {

    private final Question first = question("q1", 1);
    private final Question second = question("q2", 2);
    private final Question unordered = question("q3", null);
    private final List<Question> asTheBackendListsThem = List.of(unordered, second, first);

    @Test
    void shouldKeepEveryQuestionInQuizOrderWithoutAFilter() {
        assertThat(QuestionFilter.select(asTheBackendListsThem, null)).containsExactly(first, second, unordered);
        assertThat(QuestionFilter.forTasks(asTheBackendListsThem, null)).isNull();
    }

    @Test
    void shouldKeepOnlyTheListedQuestionsInQuizOrder() {
        var selected = QuestionFilter.select(asTheBackendListsThem, List.of("q3", "q1", "unknown"));

        assertThat(selected).containsExactly(first, unordered);
        assertThat(QuestionFilter.forTasks(selected, List.of("q3", "q1", "unknown")))
                .containsExactly("q1", "q3");
    }

    @Test
    void shouldKeepNothingForAnEmptyFilter() {
        var selected = QuestionFilter.select(asTheBackendListsThem, List.of());

        assertThat(selected).isEmpty();
        assertThat(QuestionFilter.forTasks(selected, List.of())).isEmpty();
    }

    @Test
    void shouldCarryEachQuestionIdOnceHoweverOftenTheFilterRepeatsIt() {
        var filter = Arrays.asList("q2", "q2", null, "q2");
        var selected = QuestionFilter.select(List.of(second, question(null, 3)), filter);

        assertThat(selected).containsExactly(second);
        assertThat(QuestionFilter.forTasks(selected, filter)).containsExactly("q2");
    }

    private static Question question(String id, Integer orderIndex) {
        return new Question(id, "MCQ", 1.0, null, "?", null, null, orderIndex);
    }
}
