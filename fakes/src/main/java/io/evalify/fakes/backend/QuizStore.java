package io.evalify.fakes.backend;

import io.evalify.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake's database. Stored nodes are never mutated after they are put (a change replaces the node),
 * so a reader can serialise what it got without holding a lock.
 */
final class QuizStore {

    private static final byte[] RESPONSE_OPEN = "{\"response\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CLOSE = {'}'};

    private final Map<String, JsonNode> quizzes = new ConcurrentHashMap<>();
    private final Map<String, List<JsonNode>> questions = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> settings = new ConcurrentHashMap<>();
    private final Map<String, QuizRows> responses = new ConcurrentHashMap<>();

    void load(Fixture fixture) {
        String quizId = fixture.quizId();
        quizzes.put(quizId, fixture.quiz() != null ? fixture.quiz() : Rows.quiz(quizId, quizId));
        putQuestions(quizId, fixture.questions());
        if (fixture.settings() != null) {
            putSettings(quizId, fixture.settings());
        }
        QuizRows rows = new QuizRows();
        fixture.responses().forEach(row -> rows.put(Rows.response(row)));
        responses.put(quizId, rows);
    }

    Optional<JsonNode> quiz(String quizId) {
        return Optional.ofNullable(quizzes.get(quizId));
    }

    void putQuiz(String quizId, Object row) {
        quizzes.put(quizId, Rows.toObject(row));
    }

    List<JsonNode> questions(String quizId) {
        return questions.getOrDefault(quizId, List.of());
    }

    Optional<JsonNode> question(String quizId, String questionId) {
        return questions(quizId).stream()
                .filter(q -> questionId.equals(q.path("id").asString(null)))
                .findFirst();
    }

    void putQuestions(String quizId, List<?> values) {
        questions.put(
                quizId, values.stream().map(v -> (JsonNode) Rows.question(v)).toList());
    }

    void putQuestion(String quizId, Object value) {
        ObjectNode question = Rows.question(value);
        String id = question.path("id").asString();
        questions.compute(quizId, (key, old) -> {
            List<JsonNode> list = new ArrayList<>(old == null ? List.of() : old);
            list.removeIf(q -> id.equals(q.path("id").asString(null)));
            list.add(question);
            return List.copyOf(list);
        });
    }

    Optional<JsonNode> settings(String quizId) {
        return Optional.ofNullable(settings.get(quizId));
    }

    void putSettings(String quizId, Object value) {
        settings.put(quizId, Rows.settings(quizId, value));
    }

    void removeSettings(String quizId) {
        settings.remove(quizId);
    }

    List<JsonNode> responses(String quizId) {
        QuizRows rows = responses.get(quizId);
        return rows == null ? List.of() : rows.snapshot();
    }

    Optional<JsonNode> response(String quizId, String studentId) {
        QuizRows rows = responses.get(quizId);
        return rows == null ? Optional.empty() : rows.get(studentId);
    }

    void putResponse(Object value) {
        ObjectNode row = Rows.response(value);
        responses
                .computeIfAbsent(row.path("quizId").asString(), k -> new QuizRows())
                .put(row);
    }

    boolean removeResponse(String quizId, String studentId) {
        QuizRows rows = responses.get(quizId);
        return rows != null && rows.remove(studentId);
    }

    /** Replaces a row with {@code change} applied to a copy; false when there is no such row. */
    boolean updateResponse(String quizId, String studentId, UnaryOperator<ObjectNode> change) {
        QuizRows rows = responses.get(quizId);
        return rows != null && rows.update(studentId, change);
    }

    void clear() {
        quizzes.clear();
        questions.clear();
        settings.clear();
        responses.clear();
    }

    /** The list route's answer, {@code {"responses": [...]}}, as JSON parts to be written one after another. */
    List<byte[]> responsesJson(String quizId) {
        QuizRows rows = responses.get(quizId);
        return rows == null ? List.of(QuizRows.EMPTY_LIST) : rows.listJson();
    }

    /** The single-row route's answer, {@code {"response": {...}}}, as JSON parts. */
    Optional<List<byte[]>> responseJson(String quizId, String studentId) {
        QuizRows rows = responses.get(quizId);
        return rows == null ? Optional.empty() : rows.json(studentId).map(row -> List.of(RESPONSE_OPEN, row, CLOSE));
    }

    /**
     * One quiz's rows in insertion (backend) order, each kept serialized beside its node once read. The fake shares
     * the bench machine with the service it serves, so a row is serialized at most once per change and never per
     * read, and a read copies nothing: a 10,000-student list (~16 MB) is written as the rows' own bytes. (Joining
     * them into one array cost the fake ~0.5 CPU-s per list after saves, most of it faulting in 16 MB pages.)
     */
    private static final class QuizRows {

        static final byte[] EMPTY_LIST = "{\"responses\":[]}".getBytes(StandardCharsets.UTF_8);
        private static final byte[] LIST_OPEN = "{\"responses\":[".getBytes(StandardCharsets.UTF_8);
        private static final byte[] LIST_CLOSE = "]}".getBytes(StandardCharsets.UTF_8);
        private static final byte[] COMMA = {','};

        private final Map<String, Row> byStudent = new LinkedHashMap<>();

        /** A stored row and its JSON, serialized on first read: a save changes the row, a later read pays once. */
        private static final class Row {
            private final JsonNode node;
            private volatile byte[] json;

            Row(JsonNode node) {
                this.node = node;
            }

            JsonNode node() {
                return node;
            }

            byte[] json() {
                byte[] bytes = json;
                if (bytes == null) {
                    bytes = Json.mapper().writeValueAsBytes(node);
                    json = bytes;
                }
                return bytes;
            }
        }

        synchronized void put(ObjectNode row) {
            byStudent.put(row.path("studentId").asString(), new Row(row));
        }

        /** The rows' bytes between the list's opening and closing, comma-separated. */
        synchronized List<byte[]> listJson() {
            List<byte[]> parts = new ArrayList<>(2 * byStudent.size() + 1);
            parts.add(LIST_OPEN);
            for (Row row : byStudent.values()) {
                if (parts.size() > 1) {
                    parts.add(COMMA);
                }
                parts.add(row.json());
            }
            parts.add(LIST_CLOSE);
            return parts;
        }

        synchronized Optional<JsonNode> get(String studentId) {
            return Optional.ofNullable(byStudent.get(studentId)).map(Row::node);
        }

        synchronized Optional<byte[]> json(String studentId) {
            return Optional.ofNullable(byStudent.get(studentId)).map(Row::json);
        }

        synchronized List<JsonNode> snapshot() {
            return byStudent.values().stream().map(Row::node).toList();
        }

        synchronized boolean remove(String studentId) {
            return byStudent.remove(studentId) != null;
        }

        synchronized boolean update(String studentId, UnaryOperator<ObjectNode> change) {
            Row old = byStudent.get(studentId);
            if (old == null) {
                return false;
            }
            // A shallow copy is enough: stored nodes are never mutated, so the copy may share their children.
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            copy.setAll((ObjectNode) old.node());
            byStudent.put(studentId, new Row(change.apply(copy)));
            return true;
        }
    }
}
