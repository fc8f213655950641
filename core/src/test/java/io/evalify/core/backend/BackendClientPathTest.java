package io.evalify.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.evalify.schemas.result.EvaluationResult;
import io.evalify.schemas.result.SaveBody;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ids become exactly one path segment each: "." and ".." never reach the backend, the rest is encoded. */
class BackendClientPathTest {

    private static final String QUIZ = "c0000000-0000-4000-8000-000000000001";

    private final List<String> paths = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private BackendClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getRawPath());
            byte[] bytes = "{\"response\": {}, \"message\": \"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/utils";
        client = new BackendClient(new BackendProperties(
                base,
                "key",
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                0,
                Duration.ofMillis(10),
                4,
                Duration.ofSeconds(4)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", ""})
    void shouldRefuseAQuizIdThatIsNotOnePathSegmentWithoutCallingTheBackend(String quizId) {
        assertThatThrownBy(() -> client.response(quizId, "s1"))
                .isInstanceOfSatisfying(
                        BackendException.class,
                        e -> assertThat(e.isClientError()).isTrue());
        assertThatThrownBy(() -> client.save(quizId, "s1", save(), "k")).isInstanceOf(BackendException.class);
        assertThat(paths).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void shouldRefuseAStudentIdThatIsNotOnePathSegment(String studentId) {
        assertThatThrownBy(() -> client.save(QUIZ, studentId, save(), "k")).isInstanceOf(BackendException.class);
        assertThat(paths).isEmpty();
    }

    @Test
    void shouldEncodeEveryReservedCharacterOfAnId() {
        client.save("a/../b?c#d%e f", "ü;=x", save(), "k");
        assertThat(paths).containsExactly("/api/utils/eval/quiz/a%2F..%2Fb%3Fc%23d%25e%20f/save/%C3%BC%3B%3Dx");
    }

    @Test
    void shouldLeaveAUuidAsItIs() {
        client.save(QUIZ, "5a0e0e3c-9a3f-4c1e-8f6e-3f1f0b0c9d2a", save(), "k");
        assertThat(paths)
                .containsExactly("/api/utils/eval/quiz/" + QUIZ + "/save/5a0e0e3c-9a3f-4c1e-8f6e-3f1f0b0c9d2a");
    }

    private static SaveBody save() {
        return new SaveBody(0.0, 0.0, new EvaluationResult("v1", Map.of()));
    }
}
