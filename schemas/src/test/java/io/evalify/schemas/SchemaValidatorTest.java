package io.evalify.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

class SchemaValidatorTest {

    private static final String QUIZ = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    private final SchemaValidator validator = new SchemaValidator();

    @Test
    void shouldReturnNoErrorsForAValidSubmission() {
        assertThat(validator.validate(SchemaName.JOB_SUBMISSION, "{\"quiz_id\": \"" + QUIZ + "\"}"))
                .isEmpty();
        assertThat(validator.isValid(SchemaName.JOB_SUBMISSION, "{\"quiz_id\": \"" + QUIZ + "\"}"))
                .isTrue();
    }

    @Test
    void shouldValidateAParsedJsonNodeLikeText() {
        JsonNode submission = Json.mapper().readTree("{\"quiz_id\": \"" + QUIZ + "\", \"force\": true}");

        assertThat(validator.validate(SchemaName.JOB_SUBMISSION, submission))
                .containsExactly(new FieldError(
                        "/force",
                        "additionalProperties",
                        "property 'force' is not defined in the schema and the schema does not allow additional"
                                + " properties"));
        assertThat(validator.isValid(SchemaName.JOB_SUBMISSION, submission)).isFalse();
    }

    @Test
    void shouldPointAtAMissingRequiredPropertyItself() {
        assertThat(validator.validate(SchemaName.JOB_SUBMISSION, "{}"))
                .extracting(FieldError::pointer, FieldError::keyword)
                .containsExactly(tuple("/quiz_id", "required"));
    }

    @Test
    void shouldPointAtTheOffendingArrayItem() {
        String body = "{\"quiz_id\": \"" + QUIZ + "\", \"filters\": {\"question_ids\": [\"a\", 7]}}";

        assertThat(validator.validate(SchemaName.JOB_SUBMISSION, body))
                .extracting(FieldError::pointer, FieldError::keyword)
                .containsExactly(tuple("/filters/question_ids/1", "type"));
    }

    @Test
    void shouldEscapeSlashAndTildeOfAnUnknownPropertyInItsPointer() {
        String body = "{\"quiz_id\": \"" + QUIZ + "\", \"a/b~c\": 1}";

        assertThat(validator.validate(SchemaName.JOB_SUBMISSION, body))
                .extracting(FieldError::pointer)
                .containsExactly("/a~1b~0c");
    }

    @Test
    void shouldSortErrorsByPointer() {
        String body = "{\"quiz_id\": 1, \"config\": {\"force\": \"yes\"}, \"extra\": true}";

        assertThat(validator.validate(SchemaName.JOB_SUBMISSION, body))
                .extracting(FieldError::pointer)
                .containsExactly("/config/force", "/extra", "/quiz_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"quiz_id\": ", "not json", "{\"quiz_id\": \"q\"} trailing", "{'quiz_id': 'q'}"})
    void shouldReportMalformedJsonAsOneErrorWithoutThrowing(String text) {
        List<FieldError> errors = validator.validate(SchemaName.JOB_SUBMISSION, text);

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEmpty();
            assertThat(error.keyword()).isEqualTo(FieldError.MALFORMED_JSON);
            assertThat(error.message()).startsWith("malformed JSON");
        });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void shouldReportAMissingDocumentWithoutThrowing(String text) {
        assertThat(validator.validate(SchemaName.JOB_SUBMISSION, text))
                .extracting(FieldError::keyword)
                .containsExactly(FieldError.MALFORMED_JSON);
    }

    @Test
    void shouldReportAMissingNodeWithoutThrowing() {
        assertThat(validator.validate(SchemaName.JOB_SUBMISSION, MissingNode.getInstance()))
                .extracting(FieldError::keyword)
                .containsExactly(FieldError.MALFORMED_JSON);
        assertThat(validator.validate(SchemaName.JOB_SUBMISSION, (JsonNode) null))
                .extracting(FieldError::keyword)
                .containsExactly(FieldError.MALFORMED_JSON);
    }

    @Test
    void shouldAcceptExactly100000StudentIdsAndRejectOneMore() {
        assertThat(validator.validate(SchemaName.JOB_SUBMISSION, submissionWithStudents(100_000)))
                .isEmpty();
        assertThat(validator.validate(SchemaName.JOB_SUBMISSION, submissionWithStudents(100_001)))
                .extracting(FieldError::pointer, FieldError::keyword)
                .containsExactly(tuple("/filters/student_ids", "maxItems"));
    }

    @Test
    void shouldAssertFormatsNotOnlyAnnotateThem() {
        String task = """
                {"job_id": "j", "quiz_id": "q", "student_id": "s", "override_evaluated": false,
                 "attempt": 1, "enqueued_at": "2026-02-30T25:00:00Z"}""";

        assertThat(validator.validate(SchemaName.TASK_EVENT, task))
                .extracting(FieldError::pointer, FieldError::keyword)
                .containsExactly(tuple("/enqueued_at", "format"));
    }

    @Test
    void shouldAllowUnknownFieldsOnTaskEventsForRollingUpgrades() {
        String task = """
                {"job_id": "j", "quiz_id": "q", "student_id": "s", "override_evaluated": false,
                 "attempt": 1, "enqueued_at": "2026-04-04T09:00:00Z", "priority": 5}""";

        assertThat(validator.validate(SchemaName.TASK_EVENT, task)).isEmpty();
    }

    @Test
    void shouldCheckATaskInsideADeadLetterAgainstTheTaskEventSchema() {
        String deadLetter = """
                {"task": {"job_id": "j", "quiz_id": "q", "student_id": "s", "override_evaluated": false,
                          "attempt": 0, "enqueued_at": "2026-04-04T09:00:00Z"},
                 "failure": {"type": "BACKEND_NOT_FOUND", "message": "404", "retryable": false, "attempts": 1,
                             "first_failure_at": "2026-04-04T09:00:01Z", "last_failure_at": "2026-04-04T09:00:01Z"},
                 "source": {"topic": "evalify.evaluation.tasks", "partition": 0, "offset": 1},
                 "dead_lettered_at": "2026-04-04T09:00:01Z"}""";

        assertThat(validator.validate(SchemaName.DEAD_LETTER, deadLetter))
                .extracting(FieldError::pointer, FieldError::keyword)
                .containsExactly(tuple("/task/attempt", "minimum"));
    }

    @ParameterizedTest
    @EnumSource(SchemaName.class)
    void shouldLoadEverySchemaFromTheClasspathWithoutTheNetwork(SchemaName name) {
        assertThatCode(() -> validator.validate(name, "{}")).doesNotThrowAnyException();
    }

    @Test
    void shouldBeSafeToShareBetweenThreads() {
        SchemaValidator shared = new SchemaValidator();

        List<Integer> errorCounts = IntStream.range(0, 200)
                .parallel()
                .mapToObj(i -> shared.validate(SchemaName.values()[i % SchemaName.values().length], "{\"x\": 1}")
                        .size())
                .toList();

        assertThat(errorCounts).hasSize(200);
        assertThat(shared.validate(SchemaName.JOB_SUBMISSION, "{\"x\": 1}")).hasSize(2);
    }

    private static String submissionWithStudents(int count) {
        StringBuilder body = new StringBuilder("{\"quiz_id\": \"" + QUIZ + "\", \"filters\": {\"student_ids\": [");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("\"00000000-0000-4000-8000-%012d\"".formatted(i));
        }
        return body.append("]}}").toString();
    }
}
