package io.evalify.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WorkerLlmCallsTest {

    private static final String KEY = "management-key-of-the-test";

    private static final String EXPOSITION = """
            # HELP evalify_llm_requests_seconds LLM chat-completion calls
            # TYPE evalify_llm_requests_seconds histogram
            evalify_llm_requests_seconds_bucket{outcome="ok",le="0.5"} 9000
            evalify_llm_requests_seconds_count{outcome="ok"} 9998
            evalify_llm_requests_seconds_sum{outcome="ok"} 5001.2
            evalify_llm_requests_seconds_count{outcome="rate_limited"} 2
            evalify_backend_requests_seconds_count{route="save"} 10000
            """;

    @Test
    void shouldAddTheCallsOfEveryOutcomeAndNothingElse() {
        assertThat(WorkerLlmCalls.sum(EXPOSITION)).isEqualTo(10_000);
    }

    @Test
    void shouldReadTheCountFromTheWorkersPrometheusEndpoint() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/prometheus", exchange -> {
            byte[] body = EXPOSITION.getBytes(StandardCharsets.UTF_8);
            if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            var calls =
                    new WorkerLlmCalls("http://127.0.0.1:" + server.getAddress().getPort(), KEY);

            assertThat(calls.total()).contains(10_000L);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldReportNothingWhenTheWorkerCannotBeRead() {
        assertThat(new WorkerLlmCalls("http://127.0.0.1:1", KEY).total()).isEmpty();
    }
}
