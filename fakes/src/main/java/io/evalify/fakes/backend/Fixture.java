package io.evalify.fakes.backend;

import io.evalify.schemas.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One quiz's backend data in the sample-fixture format ({@code quizId, quiz, questions, settings,
 * responses}), as loaded from a file or produced by {@link QuizGenerator}.
 *
 * @param quizId the quiz id
 * @param quiz the quiz row served by {@code GET /eval/quiz/{quizId}}, or null
 * @param questions question objects with version-wrapped {@code questionData}/{@code solution}
 * @param settings the bare settings object, or null for "Settings not found"
 * @param responses {@code quiz_response} rows in backend order
 */
public record Fixture(
        String quizId, JsonNode quiz, List<JsonNode> questions, JsonNode settings, List<JsonNode> responses) {

    private static final String SAMPLE = "evalify-sample-fixture.json";

    /** Copies the lists so a fixture cannot change under the fake. */
    public Fixture {
        questions = List.copyOf(questions);
        responses = List.copyOf(responses);
    }

    /**
     * The sample fixture shipped with this module (one question per type, three students; ids in {@link
     * SampleFixture}).
     */
    public static Fixture sample() {
        try (InputStream in = Fixture.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + SAMPLE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a fixture file. */
    public static Fixture read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + file, e);
        }
    }

    /** Reads a fixture from a stream (not closed). */
    public static Fixture read(InputStream in) {
        JsonNode root;
        try {
            // Read the bytes first: Jackson would close the caller's stream.
            root = Json.mapper().readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String quizId = root.path("quizId").asString(null);
        if (quizId == null) {
            quizId = root.path("quiz").path("id").asString(null);
        }
        if (quizId == null) {
            throw new IllegalArgumentException("fixture has neither quizId nor quiz.id");
        }
        return new Fixture(
                quizId,
                nullable(root.get("quiz")),
                list(root.get("questions")),
                nullable(root.get("settings")),
                list(root.get("responses")));
    }

    /** The fixture as one JSON document in the file format. */
    public ObjectNode toJson() {
        ObjectNode root = Json.mapper().createObjectNode().put("quizId", quizId);
        root.set("quiz", quiz);
        root.putArray("questions").addAll(questions);
        root.set("settings", settings);
        root.putArray("responses").addAll(responses);
        return root;
    }

    private static JsonNode nullable(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        if (array != null) {
            array.forEach(items::add);
        }
        return items;
    }
}
