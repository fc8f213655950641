import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Stands in for the API and the worker exec jars in the `evalify local` end-to-end test. It checks the
 * environment the CLI gives it (Redis answers PING, Kafka accepts a connection, the fake backend answers
 * with the key), then serves the health endpoints and a job that completes 20 tasks in about 2 s.
 */
public class StubApp {

    private static final int TOTAL = 20;
    private static volatile Instant submittedAt;

    public static void main(String[] args) throws Exception {
        boolean worker = System.getProperty("sun.java.command", "").contains("stream-worker");
        checkEnvironment(worker);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port()), 0);
        if (worker) {
            server.createContext("/actuator/health", ex -> reply(ex, 200, "{\"status\":\"UP\"}"));
        } else {
            server.createContext("/api/v1/health", ex -> reply(ex, 200, "{\"status\":\"UP\"}"));
            server.createContext("/api/v1/jobs/evaluation", StubApp::jobs);
        }
        server.start();
        System.out.println((worker ? "worker" : "api") + " stub serving on " + port());
    }

    private static int port() {
        return Integer.parseInt(System.getenv("SERVER_PORT"));
    }

    private static void checkEnvironment(boolean worker) throws Exception {
        for (String name : List.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", "SPRING_DATA_REDIS_HOST", "SPRING_DATA_REDIS_PORT",
                "EVALIFY_BACKEND_BASE_URL", "EVALIFY_BACKEND_API_KEY", "EVALIFY_API_API_KEY", "EVALIFY_LLM_BASE_URL",
                "EVALIFY_LLM_API_KEY", "EVALIFY_JUDGE0_BASE_URL")) {
            require(System.getenv(name) != null, name + " is not set");
        }
        if (worker) {
            require(Files.isDirectory(Path.of(System.getenv("SPRING_KAFKA_STREAMS_STATE_DIR"))), "no state dir");
        }
        try (Socket redis = new Socket(System.getenv("SPRING_DATA_REDIS_HOST"),
                Integer.parseInt(System.getenv("SPRING_DATA_REDIS_PORT")))) {
            redis.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            require(new String(redis.getInputStream().readNBytes(5), StandardCharsets.US_ASCII).equals("+PONG"), "redis");
        }
        String[] kafka = System.getenv("SPRING_KAFKA_BOOTSTRAP_SERVERS").split(":");
        new Socket(kafka[0], Integer.parseInt(kafka[1])).close();
        HttpResponse<String> students = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(System.getenv("EVALIFY_BACKEND_BASE_URL")
                                + "/eval/quiz/de000000-0000-4000-8000-000000000001/student"))
                        .header("API_KEY", System.getenv("EVALIFY_BACKEND_API_KEY"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        require(students.statusCode() == 200, "fake backend answered " + students.statusCode());
    }

    private static void jobs(HttpExchange ex) throws IOException {
        if (!System.getenv("EVALIFY_API_API_KEY").equals(ex.getRequestHeaders().getFirst("API_KEY"))) {
            reply(ex, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
        } else if (ex.getRequestMethod().equals("POST")) {
            submittedAt = Instant.now();
            reply(ex, 202, "{\"job_id\":\"job-1\",\"status\":\"QUEUED\",\"status_url\":\"/api/v1/jobs/evaluation/job-1\"}");
        } else {
            reply(ex, 200, status());
        }
    }

    private static String status() {
        long elapsedMs = java.time.Duration.between(submittedAt, Instant.now()).toMillis();
        long done = Math.min(TOTAL, elapsedMs / 100);
        String state = done == TOTAL ? "COMPLETED" : "RUNNING";
        String finished = done == TOTAL ? "\"" + Instant.now() + "\"" : "null";
        return ("{\"job_id\":\"job-1\",\"quiz_id\":\"q\",\"status\":\"%s\",\"counts\":{\"total\":%d,\"succeeded\":%d,"
                + "\"failed\":0,\"cancelled\":0,\"processed\":%d},\"percent\":%d,\"created_at\":\"%s\",\"started_at\":\"%s\","
                + "\"finished_at\":%s,\"rate_per_second\":10.0,\"eta_seconds\":%d,\"error\":null}")
                .formatted(state, TOTAL, done, done, done * 100 / TOTAL, submittedAt, submittedAt, finished,
                        (TOTAL - done) / 10);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            System.out.println("stub: " + message);
            System.exit(1);
        }
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
