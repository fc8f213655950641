package io.evalify.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example payload is checked against its schema: valid ones pass, invalid ones fail for their reason. */
class SchemaExamplesTest {

    private static final String QA = "5a1d9e2c-6b3f-4c8a-9e7d-1b2c3d4e5f60";

    /** Why each invalid example must fail: the JSON Pointer and keyword of one expected error. */
    private static final Map<String, ExpectedError> EXPECTED_ERRORS = Map.ofEntries(
            expect("job-submission/invalid/blank-quiz-id.json", "/quiz_id", "pattern"),
            expect("job-submission/invalid/body-not-an-object.json", "", "type"),
            expect("job-submission/invalid/callback-url-not-a-uri.json", "/config/callback_url", "format"),
            expect("job-submission/invalid/callback-url-not-http.json", "/config/callback_url", "pattern"),
            expect("job-submission/invalid/duplicate-student-ids.json", "/filters/student_ids", "uniqueItems"),
            expect("job-submission/invalid/empty-quiz-id.json", "/quiz_id", "pattern"),
            expect("job-submission/invalid/empty-student-id.json", "/filters/student_ids/1", "pattern"),
            expect("job-submission/invalid/force-not-boolean.json", "/config/force", "type"),
            expect("job-submission/invalid/missing-quiz-id.json", "/quiz_id", "required"),
            expect(
                    "job-submission/invalid/misspelt-config-field.json",
                    "/config/overide_evaluated",
                    "additionalProperties"),
            expect("job-submission/invalid/misspelt-quiz-id-field.json", "/quizId", "additionalProperties"),
            expect("job-submission/invalid/override-evaluated-not-boolean.json", "/config/override_evaluated", "type"),
            expect(
                    "job-submission/invalid/question-id-longer-than-200-chars.json",
                    "/filters/question_ids/0",
                    "maxLength"),
            expect("job-submission/invalid/question-ids-not-an-array.json", "/filters/question_ids", "type"),
            expect("job-submission/invalid/quiz-id-longer-than-200-chars.json", "/quiz_id", "pattern"),
            expect("job-submission/invalid/quiz-id-dot-dot.json", "/quiz_id", "pattern"),
            expect("job-submission/invalid/quiz-id-not-a-uuid.json", "/quiz_id", "pattern"),
            expect("job-submission/invalid/student-id-not-a-uuid.json", "/filters/student_ids/0", "pattern"),
            expect("job-submission/invalid/quiz-id-not-a-string.json", "/quiz_id", "type"),
            expect("job-submission/invalid/student-ids-not-strings.json", "/filters/student_ids/0", "type"),
            expect("job-submission/invalid/unknown-filter-field.json", "/filters/students", "additionalProperties"),
            expect("job-submission/invalid/unknown-top-level-field.json", "/priority", "additionalProperties"),
            expect("task-event/invalid/attempt-zero.json", "/attempt", "minimum"),
            expect("task-event/invalid/enqueued-at-not-a-date-time.json", "/enqueued_at", "format"),
            expect("task-event/invalid/unknown-lane.json", "/lane", "enum"),
            expect("dead-letter/invalid/neither-task-nor-raw-value.json", "/task", "required"),
            expect(
                    "student-result/invalid/status-contradicts-evaluation-status.json",
                    "/evaluationResult/data/" + QA + "/status",
                    "const"),
            expect("student-result/invalid/old-evaluator-envelope.json", "/score", "required"),
            expect("student-result/invalid/version-not-v1.json", "/evaluationResult/v", "const"),
            expect("compat-evaluation-request/invalid/student-ids-not-an-array.json", "/student_ids", "type"));

    private final SchemaValidator validator = new SchemaValidator();

    static List<Example> validExamples() {
        return Example.allValid();
    }

    static List<Example> invalidExamples() {
        return Example.allInvalid();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void shouldAcceptEveryValidExample(Example example) {
        assertThat(validator.validate(example.schema(), example.text())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void shouldRejectEveryInvalidExampleWithTheFieldErrorItsNameGives(Example example) {
        ExpectedError expected = EXPECTED_ERRORS.get(example.name());
        assertThat(expected).as("expected error of %s", example).isNotNull();

        List<FieldError> errors = validator.validate(example.schema(), example.text());

        assertThat(errors)
                .extracting(FieldError::pointer, FieldError::keyword)
                .contains(tuple(expected.pointer(), expected.keyword()));
    }

    @Test
    void shouldListAnExpectedErrorForExactlyTheInvalidExamplesThatExist() {
        Set<String> invalidNames =
                Example.allInvalid().stream().map(Example::name).collect(Collectors.toSet());

        assertThat(invalidNames).isEqualTo(EXPECTED_ERRORS.keySet());
    }

    @Test
    void shouldHaveAtLeastOneValidExampleForEveryPayloadSchema() {
        Set<SchemaName> withExamples =
                Example.allValid().stream().map(Example::schema).collect(Collectors.toSet());

        Stream.of(SchemaName.values())
                .filter(SchemaName::describesPayload)
                .forEach(schema ->
                        assertThat(withExamples).as("examples of %s", schema).contains(schema));
    }

    @Test
    void shouldHaveSeveralInvalidExamplesForTheJobSubmission() {
        assertThat(Example.allInvalid())
                .filteredOn(e -> e.schema() == SchemaName.JOB_SUBMISSION)
                .hasSizeGreaterThan(5);
    }

    @Test
    void shouldKeepExamplesOnlyInFoldersNamedAfterASchema() throws Exception {
        Set<String> schemaFolders =
                Stream.of(SchemaName.values()).map(SchemaName::baseName).collect(Collectors.toSet());

        try (Stream<Path> folders = Files.list(Example.folder())) {
            assertThat(folders.map(f -> f.getFileName().toString())).allMatch(schemaFolders::contains);
        }
    }

    private record ExpectedError(String pointer, String keyword) {}

    private static Map.Entry<String, ExpectedError> expect(String example, String pointer, String keyword) {
        return Map.entry(example, new ExpectedError(pointer, keyword));
    }
}
