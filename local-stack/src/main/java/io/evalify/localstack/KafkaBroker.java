package io.evalify.localstack;

import io.evalify.localstack.LocalStack.Readiness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker (broker and controller in one JVM) from the jars in
 * {@code kafka-local/target/lib}: writes {@code server.properties}, formats the log directory, starts
 * {@code kafka.Kafka}. Only 127.0.0.1 listeners; every internal topic with replication factor 1.
 */
public final class KafkaBroker {

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final int READY_TIMEOUT_MS = 2_000;

    private final RepoLayout layout;
    private final LocalStack stack;

    /** A broker from {@code layout}'s jars, supervised by {@code stack}. */
    public KafkaBroker(RepoLayout layout, LocalStack stack) {
        this.layout = layout;
        this.stack = stack;
    }

    /** The broker settings for a client port, a controller port and a log directory. */
    public static Map<String, String> serverProperties(int port, int controllerPort, Path logDir) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "12");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // A local consumer group should start at once, not wait 3 s for more members.
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    /** Formats the storage and starts the broker; the caller waits with {@link #ready(String)}. */
    public ChildProcess start(int port, int controllerPort) {
        Path dir = stack.runDir().dir("kafka");
        Path config = dir.resolve("server.properties");
        write(config, serverProperties(port, controllerPort, dir.resolve("data")));
        format(config);
        return stack.start("kafka", javaCommand("kafka.Kafka", config.toString()), Map.of());
    }

    /** Ready when the cluster metadata names a controller. */
    public static Readiness ready(String bootstrapServers) {
        return () -> {
            try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
                return admin.describeCluster(new DescribeClusterOptions().timeoutMs(READY_TIMEOUT_MS))
                                .controller()
                                .get(READY_TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS)
                        != null;
            } catch (Exception e) { // any failure of the probe only means "not yet"
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
        };
    }

    private void format(Path config) {
        List<String> command = javaCommand(
                "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString());
        ChildProcess formatter = stack.runToCompletion("kafka-format", command, FORMAT_TIMEOUT);
        if (formatter.exitValue() != 0) {
            throw StackException.startFailed(
                    "formatting the Kafka log dir failed:" + System.lineSeparator() + formatter.tail(20));
        }
    }

    private List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                JavaRuntime.javaExecutable(),
                "-Xms256m",
                "-Xmx512m",
                "-Dlog4j2.configurationFile=" + layout.kafkaLogConfig(),
                "-cp",
                layout.kafkaLib().resolve("*").toString(),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static Properties adminConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, READY_TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, READY_TIMEOUT_MS);
        return config;
    }

    private static void write(Path file, Map<String, String> properties) {
        StringBuilder text = new StringBuilder("# written by `evalify local`\n");
        properties.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
