package io.evalify.grading.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.fakes.common.LatencyModel;
import io.evalify.fakes.llm.FakeLlm;
import io.evalify.grading.support.LlmFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiChatClientConnectionsTest {

    private static final int CONCURRENCY = 40;

    private final FakeLlm llm = new FakeLlm().start();
    private CountingProxy proxy;

    @AfterEach
    void stop() throws IOException {
        llm.close();
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void shouldKeepItsConnectionsOpenBetweenWavesOfConcurrentCalls() throws Exception {
        llm.faults().latency(LatencyModel.fixed(100));
        proxy = new CountingProxy(llm.port());
        var client = new OpenAiChatClient(configThrough(proxy));

        for (int wave = 0; wave < 3; wave++) {
            callConcurrently(client, CONCURRENCY);
        }

        assertThat(llm.requestCount()).isEqualTo(3L * CONCURRENCY);
        // OkHttp's default pool keeps 5 idle connections, so each later wave would open ~35 new ones.
        assertThat(proxy.accepted()).isLessThanOrEqualTo(CONCURRENCY + 5);
    }

    private LlmConfig configThrough(CountingProxy proxy) {
        var base = LlmFixtures.configFor(llm);
        return new LlmConfig(
                "http://127.0.0.1:" + proxy.port() + "/v1",
                base.apiKey(),
                base.model(),
                base.timeout(),
                base.maxRetries(),
                base.malformedRetries(),
                CONCURRENCY,
                base.scoreStep(),
                base.temperature());
    }

    private static void callConcurrently(OpenAiChatClient client, int calls) throws Exception {
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < calls; i++) {
                answers.add(threads.submit(() ->
                        client.complete(new ChatClient.ChatRequest(FakeLlm.DEFAULT_MODEL, "Grade.", "The answer."))));
            }
        }
        for (Future<String> answer : answers) {
            assertThat(answer.get()).isNotBlank();
        }
    }

    /** A TCP relay to the fake that counts the connections clients open through it. */
    private static final class CountingProxy implements AutoCloseable {

        private final ServerSocket server;
        private final int target;
        private final AtomicInteger accepted = new AtomicInteger();

        CountingProxy(int target) throws IOException {
            this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            this.target = target;
            Thread.ofVirtual().start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    accepted.incrementAndGet();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    Thread.ofVirtual().start(() -> pipe(client, upstream));
                    Thread.ofVirtual().start(() -> pipe(upstream, client));
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        private static void pipe(Socket from, Socket to) {
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
