package io.evalify.core.backend;

import io.evalify.schemas.backend.ResponseStatus;
import java.util.function.Consumer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;

/**
 * Reads the status columns of the backend's list answer, {@code {"responses": [row, ...]}}, straight off the
 * token stream: every other column (the answers above all) is skipped without being bound. Planning a
 * 10,000-student job reads ~16 MB this way in about the time the tokens take to scan, well below data binding
 * with the same columns ignored (bench/results/design-measurements.md).
 */
final class ResponseStatusReader {

    private ResponseStatusReader() {}

    /**
     * Hands each row to {@code rows} in backend order as soon as it is read, so nothing of the list is held here; a
     * missing or null {@code responses} has no rows.
     *
     * @throws StreamReadException when the answer is not an object or a row is not an object
     */
    static void read(JsonParser parser, Consumer<ResponseStatus> rows) {
        expect(parser, parser.nextToken() == JsonToken.START_OBJECT, "the answer is not a JSON object");
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            boolean responses = "responses".equals(parser.currentName());
            JsonToken value = parser.nextToken();
            if (responses && value == JsonToken.START_ARRAY) {
                readRows(parser, rows);
            } else {
                expect(parser, !responses || value == JsonToken.VALUE_NULL, "responses is not an array");
                parser.skipChildren();
            }
        }
    }

    private static void readRows(JsonParser parser, Consumer<ResponseStatus> rows) {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            expect(parser, token == JsonToken.START_OBJECT, "a response row is not an object");
            rows.accept(readRow(parser));
        }
    }

    private static ResponseStatus readRow(JsonParser parser) {
        String studentId = null;
        String submissionStatus = null;
        String evaluationStatus = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String column = parser.currentName();
            parser.nextToken();
            switch (column) {
                case "studentId" -> studentId = scalar(parser);
                case "submissionStatus" -> submissionStatus = scalar(parser);
                case "evaluationStatus" -> evaluationStatus = scalar(parser);
                default -> parser.skipChildren();
            }
        }
        return new ResponseStatus(studentId, submissionStatus, evaluationStatus);
    }

    /** A scalar column as text (null for JSON null); an object or array where a scalar belongs is skipped. */
    private static String scalar(JsonParser parser) {
        if (parser.currentToken().isScalarValue()) {
            return parser.getValueAsString();
        }
        parser.skipChildren();
        return null;
    }

    private static void expect(JsonParser parser, boolean condition, String problem) {
        if (!condition) {
            throw new StreamReadException(parser, problem);
        }
    }
}
