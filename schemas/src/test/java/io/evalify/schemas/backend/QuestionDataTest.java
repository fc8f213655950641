package io.evalify.schemas.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.schemas.Json;
import org.junit.jupiter.api.Test;

/** Question data and solutions are read whether the backend stored them version-wrapped or bare. */
class QuestionDataTest {

    @Test
    void shouldUnwrapTheVersionEnvelope() {
        var stored = Json.mapper().readTree("{\"version\": 1, \"data\": {\"options\": []}}");

        assertThat(QuestionData.unwrap(stored)).isEqualTo(Json.mapper().readTree("{\"options\": []}"));
    }

    @Test
    void shouldTakeBareDataAsItIs() {
        var stored = Json.mapper().readTree("{\"data\": 1, \"options\": []}");

        assertThat(QuestionData.unwrap(stored)).isSameAs(stored);
    }

    @Test
    void shouldGiveAMissingNodeForNoData() {
        assertThat(QuestionData.unwrap(null).isMissingNode()).isTrue();
        assertThat(QuestionData.unwrap(Json.mapper().readTree("null")).isMissingNode())
                .isTrue();
        assertThat(QuestionData.unwrap(Json.mapper().readTree("{\"version\": 1, \"data\": null}"))
                        .isNull())
                .isTrue();
    }

    @Test
    void shouldReadQuestionTypesInAnyCaseAndUnknownOnesAsNull() {
        assertThat(QuestionType.of(" true_false ")).isEqualTo(QuestionType.TRUE_FALSE);
        assertThat(QuestionType.of("ESSAY")).isNull();
        assertThat(QuestionType.of((String) null)).isNull();
    }

    @Test
    void shouldReadAMissingBlankModeAsNormalAndAnUnknownOneAsNone() {
        assertThat(BlankMode.of(" ")).contains(BlankMode.NORMAL);
        assertThat(BlankMode.of("strict")).contains(BlankMode.STRICT);
        assertThat(BlankMode.of("LENIENT")).isEmpty();
    }
}
