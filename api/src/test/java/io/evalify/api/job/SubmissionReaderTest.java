package io.evalify.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The idempotency hash is over the body's meaning, not its spelling. */
class SubmissionReaderTest {

    private static final String BODY = """
            {"quiz_id": "11111111-1111-4111-8111-111111111111",
             "filters": {"student_ids": ["5a000000-0000-4000-8000-000000000001"], "question_ids": null},
             "config": {"override_evaluated": true, "force": false}}""";

    @Test
    void shouldHashABodyWithItsKeysInAnotherOrderAlike() {
        var reordered = """
                {"config":{"force":false,"override_evaluated":true},"filters":{"question_ids":null,
                "student_ids":["5a000000-0000-4000-8000-000000000001"]},"quiz_id":"11111111-1111-4111-8111-111111111111"}""";
        assertThat(SubmissionReader.hash(reordered)).isEqualTo(SubmissionReader.hash(BODY));
    }

    @Test
    void shouldHashEqualNumbersAlikeHoweverTheyAreWritten() {
        assertThat(SubmissionReader.hash("{\"n\": 1}"))
                .isEqualTo(SubmissionReader.hash("{\"n\": 1.0}"))
                .isEqualTo(SubmissionReader.hash("{\"n\": 10E-1}"))
                .isEqualTo(SubmissionReader.hash("{\"n\": 0.1e1}"));
        assertThat(SubmissionReader.hash("{\"n\": 0}")).isEqualTo(SubmissionReader.hash("{\"n\": -0.000}"));
        assertThat(SubmissionReader.hash("{\"n\": 0.10000000000000000001}"))
                .isNotEqualTo(SubmissionReader.hash("{\"n\": 0.1}"));
    }

    @Test
    void shouldHashDifferentBodiesDifferently() {
        assertThat(SubmissionReader.hash(BODY)).isNotEqualTo(SubmissionReader.hash(BODY.replace("true", "false")));
        assertThat(SubmissionReader.hash("[1,2]")).isNotEqualTo(SubmissionReader.hash("[2,1]"));
        assertThat(SubmissionReader.hash("{\"a\":\"1\"}")).isNotEqualTo(SubmissionReader.hash("{\"a\":1}"));
    }
}
