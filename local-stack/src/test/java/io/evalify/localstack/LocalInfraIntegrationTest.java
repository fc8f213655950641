package io.evalify.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real infrastructure children of {@code evalify local}: a redis-server (the bundled one, so the
 * fallback is exercised even where Redis is installed) and the KRaft broker from
 * {@code kafka-local/target/lib}, started, probed and stopped with no port left behind.
 */
class LocalInfraIntegrationTest {

    private static final Duration READY = Duration.ofSeconds(60);

    /** Surefire runs in the module directory; the repository root is its parent. */
    private final RepoLayout layout =
            new RepoLayout(Path.of("..").toAbsolutePath().normalize());

    @TempDir
    Path runRoot;

    private final FreePorts ports = new FreePorts();
    private LocalStack stack;

    @BeforeEach
    void createStack() {
        RunDir runDir = RunDir.create(runRoot, LocalDateTime.now());
        stack = new LocalStack(runDir, layout.home(), new PrintWriter(new StringWriter()));
    }

    @AfterEach
    void closeStack() {
        stack.close();
    }

    @Test
    void shouldStartProbeAndStopTheBundledRedis() {
        int port = ports.next();
        RedisBinary bundled = RedisBinary.bundledResource("Linux", System.getProperty("os.arch"))
                .<RedisBinary>map(RedisBinary.Bundled::new)
                .orElseThrow();
        assumeTrue(System.getProperty("os.name").contains("Linux"));

        ChildProcess redis = new RedisServer(stack).start(bundled, port);
        stack.awaitReady(redis, Probes.redisPing(port), READY);
        stack.close();

        assertThat(redis.isAlive()).isFalse();
        assertThat(listening(port)).isFalse();
    }

    @Test
    void shouldStartTheKraftBrokerAndLeaveNoPortBehind() {
        assumeTrue(Files.isDirectory(layout.kafkaLib()), "kafka-local/target/lib not built");
        int port = ports.next();
        int controllerPort = ports.next();

        ChildProcess kafka = new KafkaBroker(layout, stack).start(port, controllerPort);
        stack.awaitReady(kafka, KafkaBroker.ready("127.0.0.1:" + port), READY);
        assertThat(listening(port)).isTrue();
        assertThat(stack.snapshot()).extracting(ChildProcess::name).isEqualTo(List.of("kafka"));
        stack.close();

        assertThat(kafka.isAlive()).isFalse();
        assertThat(listening(port)).isFalse();
        assertThat(listening(controllerPort)).isFalse();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
