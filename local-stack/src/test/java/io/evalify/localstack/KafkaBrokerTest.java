package io.evalify.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void shouldConfigureASingleNodeKraftBrokerOnLoopbackOnly() {
        Map<String, String> p = KafkaBroker.serverProperties(9092, 9093, Path.of("/run/kafka/data"));

        assertThat(p)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("log.dirs", "/run/kafka/data")
                .containsEntry("num.partitions", "12")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
        assertThat(p.values()).noneMatch(v -> v.contains("0.0.0.0"));
    }
}
