package io.evalify.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;

/**
 * A real single-node KRaft broker in its own JVM, for tests of broker outages: unlike the in-JVM test broker it can
 * be frozen (SIGSTOP), killed (SIGKILL) and restarted on the same ports with its data, as an operator's broker
 * would be. It runs {@code kafka.Kafka} from the test's own class path, so the calling module needs the broker's
 * jars there ({@code spring-boot-starter-kafka-test} brings them). Logs go to {@code broker.log} in its directory.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final int PROBE_TIMEOUT_MS = 2_000;

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;
    private boolean frozen;

    private LocalKafka(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats a new log directory and starts the broker on free ports; returns once it serves requests. */
    public static LocalKafka start() {
        try {
            var kafka =
                    new LocalKafka(Files.createTempDirectory("kafka"), LocalRedis.freePort(), LocalRedis.freePort());
            kafka.writeConfig();
            kafka.format();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
            kafka.launch();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** SIGSTOP: connections stay open and nothing answers, like a stalled host or a long GC pause. */
    public void freeze() {
        Signals.freeze(process);
        frozen = true;
    }

    /** SIGCONT after {@link #freeze()}. */
    public void thaw() {
        Signals.thaw(process);
        frozen = false;
    }

    /** Brings the broker back from whatever a test left it in: thaws it, or starts it again. */
    public void ensureRunning() {
        if (frozen) {
            thaw();
        }
        if (!process.isAlive()) {
            restart();
        }
    }

    /** SIGKILL, as a crash would: nothing is flushed or handed over. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
        frozen = false;
    }

    /** Starts the broker again on the same ports and data; returns once it serves requests. */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("the broker is still running");
        }
        launch();
    }

    /** Kills the broker (also when frozen); closing twice is harmless. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    private void launch() {
        try {
            process = new ProcessBuilder(java("kafka.Kafka", config().toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("broker.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Awaitility.await("broker on " + bootstrapServers())
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the broker exited; see " + dir.resolve("broker.log"));
                    }
                    return serves();
                });
    }

    private void format() throws IOException {
        var formatter = new ProcessBuilder(java(
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        config().toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("format.log").toFile())
                .start();
        try {
            if (!formatter.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || formatter.exitValue() != 0) {
                formatter.destroyForcibly();
                throw new IllegalStateException("formatting the log dir failed; see " + dir.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean serves() {
        try (var admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, PROBE_TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, PROBE_TIMEOUT_MS))) {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(PROBE_TIMEOUT_MS))
                            .controller()
                            .get(PROBE_TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS)
                    != null;
        } catch (Exception e) { // any failed probe only means "not yet"
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    private void awaitExit() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> java(String mainClass, String... args) {
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=" + dir.resolve("logback.xml"),
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private Path config() {
        return dir.resolve("server.properties");
    }

    private void writeConfig() throws IOException {
        var listeners = "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort;
        Files.writeString(
                config(),
                String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                        "listeners=" + listeners,
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                        "controller.listener.names=CONTROLLER",
                        "inter.broker.listener.name=PLAINTEXT",
                        "log.dirs=" + dir.resolve("data"),
                        "num.partitions=3",
                        "offsets.topic.num.partitions=3",
                        "offsets.topic.replication.factor=1",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "share.coordinator.state.topic.replication.factor=1",
                        "share.coordinator.state.topic.min.isr=1",
                        "group.initial.rebalance.delay.ms=0",
                        ""));
        Files.writeString(dir.resolve("logback.xml"), """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
    }
}
