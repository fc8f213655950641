package io.evalify.schemas.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.schemas.Json;
import io.evalify.schemas.backend.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lane a job takes: the question types, their data's version envelope and a blank's mode are read with the
 * graders' rules, so a question is routed to the lane it is graded in.
 */
class TaskLaneTest {

    @Test
    void shouldRouteRuleGradedQuestionsToTheObjectiveLane() {
        assertThat(TaskLane.of(List.of(question("MCQ", null), question("MATCHING", null), blanks("NORMAL"))))
                .isEqualTo(TaskLane.OBJECTIVE);
        assertThat(TaskLane.of(List.of())).isEqualTo(TaskLane.OBJECTIVE);
    }

    @Test
    void shouldLetCodingWinOverObjective() {
        assertThat(TaskLane.of(List.of(question("MCQ", null), question("CODING", null))))
                .isEqualTo(TaskLane.CODING);
    }

    @Test
    void shouldLetTheLlmWinOverCoding() {
        assertThat(TaskLane.of(List.of(question("CODING", null), question("DESCRIPTIVE", null))))
                .isEqualTo(TaskLane.LLM);
        assertThat(TaskLane.of(List.of(question("CODING", null), blanks("HYBRID"))))
                .isEqualTo(TaskLane.LLM);
    }

    @Test
    void shouldReadTypeNamesInAnyCaseAsTheGradersDo() {
        assertThat(TaskLane.of(List.of(question(" descriptive ", null)))).isEqualTo(TaskLane.LLM);
        assertThat(TaskLane.of(List.of(question("Coding", null)))).isEqualTo(TaskLane.CODING);
    }

    @Test
    void shouldFindHybridBlanksInWrappedAndBareDataInAnyCase() {
        assertThat(TaskLane.of(List.of(blanks("hybrid")))).isEqualTo(TaskLane.LLM);
        assertThat(TaskLane.of(List.of(question("FILL_THE_BLANK", "{\"config\": {\"evaluationType\": \" Hybrid \"}}"))))
                .isEqualTo(TaskLane.LLM);
    }

    @Test
    void shouldKeepUnknownTypesModesAndMissingDataOnTheObjectiveLane() {
        assertThat(TaskLane.of(List.of(
                        question("ESSAY", null),
                        question(null, null),
                        question("FILL_THE_BLANK", null),
                        blanks("LENIENT"),
                        question(
                                "FILL_THE_BLANK",
                                "{\"version\": 1, \"data\": {\"config\": {\"evaluationType\": 3}}}"))))
                .isEqualTo(TaskLane.OBJECTIVE);
    }

    private static Question blanks(String mode) {
        return question(
                "FILL_THE_BLANK", "{\"version\": 1, \"data\": {\"config\": {\"evaluationType\": \"" + mode + "\"}}}");
    }

    private static Question question(String type, String questionData) {
        var data = questionData == null ? null : Json.mapper().readTree(questionData);
        return new Question("q", type, 1.0, null, "?", data, null, 1);
    }
}
