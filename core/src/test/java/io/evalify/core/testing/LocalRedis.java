package io.evalify.core.testing;

import java.io.IOException;
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
 * A real {@code redis-server} on a free port of 127.0.0.1, started once per test JVM and stopped at exit.
 * Tests never share keys (every job id is random), so they need no flush between them.
 */
public final class LocalRedis {

    private static LocalRedis shared;

    private final Process process;
    private final int port;

    private LocalRedis(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The JVM's Redis, started on first use. */
    public static synchronized LocalRedis shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.process::destroy));
        }
        return shared;
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

    /** Stops the server, for tests of what happens when Redis goes away. */
    public void stop() {
        process.destroy();
    }

    private static LocalRedis start() {
        int port = freePort();
        try {
            var dir = Files.createTempDirectory("redis");
            var command = List.of(
                    binary(),
                    "--port",
                    String.valueOf(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    dir.toString());
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile())
                    .start();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> accepts(port));
            return new LocalRedis(process, port);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start redis-server (install it: apt-get install redis-server)", e);
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
