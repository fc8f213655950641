package io.evalify.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A real {@code redis-server} on a free port of 127.0.0.1. {@link #shared()} is started once per test JVM and
 * stopped at exit; tests never share keys (every job id is random), so they need no flush between them. Tests of
 * Redis outages start their own with {@link #startOwn()} and may stop, kill, freeze and restart it.
 */
public final class LocalRedis implements AutoCloseable {

    private static LocalRedis shared;

    private final Path dir;
    private final int port;
    private final boolean persistent;
    private Process process;
    private boolean frozen;

    private LocalRedis(Path dir, int port, boolean persistent) {
        this.dir = dir;
        this.port = port;
        this.persistent = persistent;
    }

    /** The JVM's Redis, started on first use. */
    public static synchronized LocalRedis shared() {
        if (shared == null) {
            shared = start(false);
        }
        return shared;
    }

    /**
     * A Redis of the caller's own, persisting to an append-only file fsynced every second (as production runs it),
     * so a {@link #kill()} and {@link #restart()} lose at most the last second of writes.
     */
    public static LocalRedis startOwn() {
        return start(true);
    }

    private static LocalRedis start(boolean persistent) {
        try {
            var redis = new LocalRedis(Files.createTempDirectory("redis"), freePort(), persistent);
            Runtime.getRuntime().addShutdownHook(new Thread(redis::close));
            redis.launch();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** A ready template connected to it. */
    public StringRedisTemplate template() {
        var factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
        factory.afterPropertiesSet();
        factory.start();
        return new StringRedisTemplate(factory);
    }

    /** Stops the server (SIGTERM: it writes its files and exits), for tests of what happens when Redis goes away. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    /** SIGKILL, as a crash would: what the append-only file has not synced yet is lost. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
        frozen = false;
    }

    /** SIGSTOP: connections stay open and nothing answers. */
    public void freeze() {
        Signals.freeze(process);
        frozen = true;
    }

    /** SIGCONT after {@link #freeze()}. */
    public void thaw() {
        Signals.thaw(process);
        frozen = false;
    }

    /** Brings the server back from whatever a test left it in: thaws it, or starts it again. */
    public void ensureRunning() {
        if (frozen) {
            thaw();
        }
        if (!process.isAlive()) {
            restart();
        }
    }

    /** Starts the server again on the same port, loading its append-only file. */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("redis-server is still running");
        }
        launch();
    }

    /** Kills the server (also when frozen); closing twice is harmless. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    private void launch() {
        var command = List.of(
                binary(),
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                persistent ? "yes" : "no",
                "--appendfsync",
                "everysec",
                "--dir",
                dir.toString());
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("redis.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start redis-server (install it: apt-get install redis-server)", e);
        }
        Awaitility.await("redis-server on " + port)
                .atMost(Duration.ofSeconds(30))
                .until(() -> accepts(port));
    }

    private void awaitExit() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String binary() {
        var env = System.getenv("REDIS_SERVER");
        if (env != null) {
            return env;
        }
        return Files.isExecutable(Path.of("/usr/bin/redis-server")) ? "/usr/bin/redis-server" : "redis-server";
    }

    private static boolean accepts(int port) {
        try (var socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    /** A port that was free a moment ago. */
    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
