package io.evalify.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeepAliveConnectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}";

    private RawServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldAnswerSeveralRequestsOverOneConnection() throws IOException {
        server = RawServer.answering(n -> OK, false);
        byte[] request = KeepAliveConnection.getRequest(server.uri("/jobs/1"), "API_KEY", "k");

        try (KeepAliveConnection connection = KeepAliveConnection.open(server.uri("/"), TIMEOUT)) {
            for (int i = 0; i < 3; i++) {
                assertThat(connection.exchange(request)).isEqualTo(200);
            }
            assertThat(connection.reusable()).isTrue();
        }

        assertThat(server.connections()).isEqualTo(1);
        assertThat(server.requestLines()).containsOnly("GET /jobs/1 HTTP/1.1");
        assertThat(server.headers()).contains("API_KEY: k");
    }

    @Test
    void shouldReadAChunkedBodyAndTheNextAnswerAfterIt() throws IOException {
        String chunked = "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n3\r\n abc\r\n0\r\n\r\n";
        server = RawServer.answering(n -> n == 0 ? chunked : OK, false);
        byte[] request = KeepAliveConnection.getRequest(server.uri("/"));

        try (KeepAliveConnection connection = KeepAliveConnection.open(server.uri("/"), TIMEOUT)) {
            assertThat(connection.exchange(request)).isEqualTo(404);
            assertThat(connection.exchange(request)).isEqualTo(200);
        }
    }

    @Test
    void shouldNotReuseAConnectionTheServerCloses() throws IOException {
        server = RawServer.answering(n -> "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", true);

        try (KeepAliveConnection connection = KeepAliveConnection.open(server.uri("/"), TIMEOUT)) {
            assertThat(connection.exchange(KeepAliveConnection.getRequest(server.uri("/"))))
                    .isEqualTo(200);
            assertThat(connection.reusable()).isFalse();
        }
    }

    @Test
    void shouldReportAConnectionClosedWhileIdleAsSafeToSendAgain() throws IOException {
        server = RawServer.answering(n -> OK, true); // closes after each answer without saying so
        byte[] request = KeepAliveConnection.getRequest(server.uri("/"));

        try (KeepAliveConnection connection = KeepAliveConnection.open(server.uri("/"), TIMEOUT)) {
            assertThat(connection.exchange(request)).isEqualTo(200);
            assertThatThrownBy(() -> connection.exchange(request))
                    .isInstanceOf(KeepAliveConnection.ClosedByServerException.class);
        }
    }

    @Test
    void shouldRejectAnAnswerThatIsNotHttp() throws IOException {
        server = RawServer.answering(n -> "SSH-2.0-OpenSSH\r\n\r\n", false);

        try (KeepAliveConnection connection = KeepAliveConnection.open(server.uri("/"), TIMEOUT)) {
            assertThatThrownBy(() -> connection.exchange(KeepAliveConnection.getRequest(server.uri("/"))))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("not an HTTP/1.1 status line");
        }
    }

    @Test
    void shouldSendEveryRequestAndReuseConnectionsUnderLoad() throws IOException {
        server = RawServer.answering(n -> OK, false);

        LoadGenerator.Result result;
        try (LoadGenerator load = new LoadGenerator()) {
            result = load.run(
                    server.uri("/status"), new String[] {"Accept", "application/json"}, 200, Duration.ofSeconds(1));
        }

        assertThat(result.sent()).isEqualTo(200);
        assertThat(result.errors()).isZero();
        assertThat(result.latencies().count()).isEqualTo(200);
        assertThat(result.connectionsOpened()).isLessThan(200).isEqualTo(server.connections());
    }

    @Test
    void shouldSendAgainWhenAPooledConnectionWasClosedWhileIdle() throws IOException {
        server = RawServer.answering(n -> OK, true);

        LoadGenerator.Result result;
        try (LoadGenerator load = new LoadGenerator()) {
            result = load.run(server.uri("/status"), new String[0], 50, Duration.ofSeconds(1));
        }

        assertThat(result.errors()).isZero();
        assertThat(result.latencies().count()).isEqualTo(50);
    }

    @Test
    void shouldCountAnswersThatAreNotSuccessAsErrors() throws IOException {
        server = RawServer.answering(n -> n % 2 == 0 ? OK : "HTTP/1.1 503 Busy\r\nContent-Length: 0\r\n\r\n", false);

        LoadGenerator.Result result;
        try (LoadGenerator load = new LoadGenerator()) {
            result = load.run(server.uri("/status"), new String[0], 20, Duration.ofSeconds(1));
        }

        assertThat(result.errors()).isEqualTo(10);
        assertThat(result.latencies().count()).isEqualTo(20);
    }

    /** A socket server that answers each request head with a scripted raw response, numbered from 0. */
    private static final class RawServer implements AutoCloseable {

        private final ServerSocket socket;
        private final IntFunction<String> answers;
        private final boolean closeAfterEach;
        private final AtomicInteger served = new AtomicInteger();
        private final AtomicInteger connections = new AtomicInteger();
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final List<String> heads = new CopyOnWriteArrayList<>();

        private RawServer(IntFunction<String> answers, boolean closeAfterEach) throws IOException {
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.answers = answers;
            this.closeAfterEach = closeAfterEach;
            Thread.ofVirtual().start(this::accept);
        }

        static RawServer answering(IntFunction<String> answers, boolean closeAfterEach) throws IOException {
            return new RawServer(answers, closeAfterEach);
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        }

        int connections() {
            return connections.get();
        }

        List<String> requestLines() {
            return lines;
        }

        List<String> headers() {
            return heads;
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(client));
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        private void serve(Socket client) {
            try (client) {
                var in =
                        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = client.getOutputStream();
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                        heads.add(header);
                    }
                    out.write(answers.apply(served.getAndIncrement()).getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    if (closeAfterEach) {
                        return;
                    }
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
