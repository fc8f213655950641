package io.evalify.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.evalify.schemas.Json;
import io.evalify.schemas.backend.ResponseStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamReadException;

class ResponseStatusReaderTest {

    @Test
    void shouldKeepTheStatusColumnsOfEachRowInBackendOrderAndSkipTheRest() {
        String answer = """
                {"total": 2, "responses": [
                  {"quizId": "q", "studentId": "s2", "response": {"a": {"studentAnswer": ["o1", {"x": [1, 2]}]}},
                   "submissionStatus": "SUBMITTED", "evaluationStatus": "EVALUATED", "score": "2"},
                  {"studentId": "s1", "submissionStatus": "NOT_SUBMITTED", "response": null,
                   "evaluationStatus": "NOT_EVALUATED", "violations": [{"t": 1}]}
                ], "extra": {"nested": [true]}}
                """;

        assertThat(read(answer))
                .containsExactly(
                        new ResponseStatus("s2", "SUBMITTED", "EVALUATED"),
                        new ResponseStatus("s1", "NOT_SUBMITTED", "NOT_EVALUATED"));
    }

    @Test
    void shouldReadNoRowsWhenTheListIsMissingNullOrEmpty() {
        assertThat(read("{}")).isEmpty();
        assertThat(read("{\"responses\": null}")).isEmpty();
        assertThat(read("{\"responses\": []}")).isEmpty();
    }

    @Test
    void shouldLeaveAColumnOfTheWrongTypeEmptyAndReadOn() {
        String answer = "{\"responses\": [{\"studentId\": {\"id\": \"s1\"}, \"submissionStatus\": \"SUBMITTED\"},"
                + " {\"studentId\": 42, \"evaluationStatus\": null}]}";

        assertThat(read(answer))
                .containsExactly(new ResponseStatus(null, "SUBMITTED", null), new ResponseStatus("42", null, null));
    }

    @Test
    void shouldRejectAnAnswerOfTheWrongShape() {
        assertThatThrownBy(() -> read("[]")).isInstanceOf(StreamReadException.class);
        assertThatThrownBy(() -> read("{\"responses\": 5}"))
                .isInstanceOf(StreamReadException.class)
                .hasMessageContaining("responses is not an array");
        assertThatThrownBy(() -> read("{\"responses\": [{\"studentId\": \"s1\"}, \"s2\"]}"))
                .isInstanceOf(StreamReadException.class)
                .hasMessageContaining("a response row is not an object");
    }

    private static List<ResponseStatus> read(String json) {
        try (JsonParser parser = Json.mapper().createParser(json)) {
            var rows = new ArrayList<ResponseStatus>();
            ResponseStatusReader.read(parser, rows::add);
            return rows;
        }
    }
}
