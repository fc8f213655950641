package io.evalify.cli.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny stand-in for the Evalify API on a real socket: answers scripted responses per
 * {@code METHOD path} (the last one repeats) and records every request.
 */
public final class ApiStub implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** Starts the stub on a free 127.0.0.1 port. */
    public ApiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The stub's root URL. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Scripts the answers to {@code method path}, in order; the last one repeats. */
    public ApiStub on(String method, String path, int status, String... bodies) {
        Deque<Reply> queue = new ArrayDeque<>();
        for (String body : bodies) {
            queue.add(new Reply(status, body));
        }
        replies.put(method + " " + path, queue);
        return this;
    }

    /** Requests received so far. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String key =
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(key, exchange.getRequestHeaders().getFirst(ApiClient.API_KEY_HEADER), body));
        Reply reply = next(key);
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Reply next(String key) {
        Deque<Reply> queue = replies.get(key);
        if (queue == null || queue.isEmpty()) {
            return new Reply(404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no stub for " + key + "\"}");
        }
        return queue.size() > 1 ? queue.poll() : queue.peek();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * A recorded request.
     *
     * @param route {@code METHOD path}
     * @param apiKey the {@code API_KEY} header, or null
     * @param body the request body
     */
    public record Request(String route, String apiKey, String body) {}

    private record Reply(int status, String body) {}
}
