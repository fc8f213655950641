package io.evalify.fakes.common;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every fake: a JDK {@link HttpServer} on a real socket, one virtual thread per request (so a
 * simulated latency parks a cheap thread instead of holding a carrier), and a catch-all that turns a
 * bug in a fake into a visible 500 rather than a hung client.
 */
public abstract class FakeServer implements AutoCloseable {

    /** Deep enough that hundreds of concurrent slow clients never see a refused connection. */
    private static final int BACKLOG = 1024;

    private static final Logger log = LoggerFactory.getLogger(FakeServer.class);

    private static final String MAX_IDLE_CONNECTIONS = "sun.net.httpserver.maxIdleConnections";

    static {
        // The JDK server closes idle keep-alive connections beyond 200 (read once per JVM, when the first server
        // is made). A client with more connections then reuses one the server just closed and a request fails
        // ("header parser received no bytes"); a worker keeps one per LLM call in flight (256 in the bench).
        if (System.getProperty(MAX_IDLE_CONNECTIONS) == null) {
            System.setProperty(MAX_IDLE_CONNECTIONS, "2048");
        }
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean started;

    /**
     * Binds the socket immediately, so {@link #port()} is known before {@link #start()}.
     *
     * @param name short name used in logs, e.g. {@code backend}
     * @param host address to bind, usually {@code 127.0.0.1}
     * @param port port to bind, {@code 0} for an ephemeral one
     */
    protected FakeServer(String name, String host, int port) {
        this.name = name;
        this.server = bind(host, port);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
    }

    private static HttpServer bind(String host, int port) {
        try {
            return HttpServer.create(new InetSocketAddress(host, port), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + host + ":" + port, e);
        }
    }

    /** Starts accepting requests; calling it twice is harmless. */
    public FakeServer start() {
        synchronized (server) {
            if (!started) {
                server.start();
                started = true;
                log.debug("fake {} listening on {}", name, rootUrl());
            }
        }
        return this;
    }

    /** The bound port (the real one when constructed with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://host:port} without a trailing slash. */
    public String rootUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    /** The URL a client should be configured with; fakes with a base path override it. */
    public String baseUrl() {
        return rootUrl();
    }

    /** Stops at once; sleeping handlers (latency, hangs) are interrupted. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        log.debug("fake {} stopped", name);
    }

    /**
     * Handles one request. Implementations must answer through {@code exchange}; an exception becomes
     * a 500 with a JSON error body.
     */
    protected abstract void handle(FakeExchange exchange) throws IOException, InterruptedException;

    private void dispatch(HttpExchange raw) {
        FakeExchange exchange = new FakeExchange(raw);
        long start = System.nanoTime();
        try (raw) {
            handle(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.debug("fake {}: client went away during {} {}", name, exchange.method(), exchange.path(), e);
        } catch (RuntimeException e) {
            log.warn("fake {}: handler failed for {} {}", name, exchange.method(), exchange.path(), e);
            exchange.replyQuietly(500, Replies.error("fake " + name + " failed: " + e.getMessage()));
        } finally {
            log.debug(
                    "fake {} {} {} -> {} in {} ms",
                    name,
                    exchange.method(),
                    exchange.path(),
                    exchange.status(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
