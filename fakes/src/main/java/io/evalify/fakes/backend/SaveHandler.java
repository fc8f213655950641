package io.evalify.fakes.backend;

import io.evalify.fakes.common.FakeExchange;
import io.evalify.fakes.common.Replies;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /eval/quiz/{quizId}/save/{studentId}} as the real handler behaves (docs/BACKEND-CONTRACT.md, the save
 * route): numeric {@code score} and {@code totalScore} or 500, then an UPDATE that may match no row and still answers
 * 200.
 */
final class SaveHandler {

    private static final String SECRET_HEADER = "API_KEY";

    private final QuizStore store;
    private final BackendRecorder recorder;
    private final Map<String, AtomicInteger> pendingFailures = new ConcurrentHashMap<>();
    private volatile boolean lenient;

    SaveHandler(QuizStore store, BackendRecorder recorder) {
        this.store = store;
        this.recorder = recorder;
    }

    void lenient(boolean value) {
        this.lenient = value;
    }

    void failNext(String quizId, String studentId, int times) {
        pendingFailures.put(quizId + "/" + studentId, new AtomicInteger(times));
    }

    void reset() {
        lenient = false;
        pendingFailures.clear();
    }

    void handle(FakeExchange exchange, RouteMatch match, boolean injectedFailure) throws IOException {
        JsonNode body = exchange.bodyJson().orElse(null);
        boolean ok = !injectedFailure && !consumePendingFailure(match) && acceptable(body);
        if (ok) {
            store.updateResponse(match.quizId(), match.itemId(), row -> evaluated(row, body));
        }
        int status = ok ? 200 : 500;
        recorder.save(new RecordedSave(
                match.quizId(),
                match.itemId(),
                exchange.bodyText(),
                exchange.headersWithout(SECRET_HEADER),
                Instant.now(),
                status));
        exchange.reply(
                status,
                ok
                        ? Replies.of("message", "Evaluation saved successfully")
                        : Replies.error(BackendRoute.SAVE.failureMessage()));
    }

    private boolean consumePendingFailure(RouteMatch match) {
        AtomicInteger left = pendingFailures.get(match.quizId() + "/" + match.itemId());
        return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    private boolean acceptable(JsonNode body) {
        if (body == null || !body.isObject()) {
            return false;
        }
        return lenient
                || (body.path("score").isNumber() && body.path("totalScore").isNumber());
    }

    /** The row after the real UPDATE: scores as decimal strings, status EVALUATED, results stored. */
    private ObjectNode evaluated(ObjectNode row, JsonNode body) {
        row.set("score", decimalString(body.get("score")));
        row.set("totalScore", decimalString(body.get("totalScore")));
        row.put("evaluationStatus", "EVALUATED");
        if (body.has("evaluationResult")) {
            row.set("evaluationResults", body.get("evaluationResult"));
        } else if (lenient) {
            // An old-shape body has no evaluationResult; keep all of it so a test can see what was sent.
            row.set("evaluationResults", body);
        }
        row.put("updated_at", Instant.now().toString());
        return row;
    }

    /** JavaScript's {@code String(number)} for the values that occur: 2.0 -> "2", 11.5 -> "11.5". */
    private static JsonNode decimalString(JsonNode number) {
        if (number == null || !number.isNumber()) {
            return JsonNodeFactory.instance.nullNode();
        }
        BigDecimal value = number.decimalValue().stripTrailingZeros();
        return JsonNodeFactory.instance.stringNode(value.signum() == 0 ? "0" : value.toPlainString());
    }
}
