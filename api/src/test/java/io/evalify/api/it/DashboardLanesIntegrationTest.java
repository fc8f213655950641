package io.evalify.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.evalify.core.job.JobKeys;
import io.evalify.core.topic.Topics;
import io.evalify.core.worker.WorkerHeartbeat;
import io.evalify.schemas.Json;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The lanes page reads what Kafka and Redis hold: a lane group's committed offsets against the partitions' end
 * offsets, a worker's heartbeat (whose group it follows), the LLM leases and a 429 cool-down.
 */
class DashboardLanesIntegrationTest extends FullStackTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void shouldShowLagPerPartitionWorkersPermitsAndCooldownAsStored() throws Exception {
        var group = "lanes-test-" + UUID.randomUUID();
        var topic = Topics.LANE_CODING.name();
        produce(topic, 0, 7);
        commit(group, new TopicPartition(topic, 0), 2);
        beat(group);
        redis.opsForZSet().add(JobKeys.LLM_PERMITS, "lanes-test-holder", System.currentTimeMillis() + 60_000);
        redis.opsForValue().set(JobKeys.LLM_COOLDOWN, "429", Duration.ofSeconds(30));
        try {
            var page = mvc.perform(get("/dashboard/lanes").cookie(signIn()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            var coding = page.substring(page.indexOf("data-lane=\"coding\""));
            assertThat(coding).contains(group).contains("3 / 32");
            // Partition 0: committed 2, end 7 (and more if other tests wrote there): the lag is end - committed.
            assertThat(coding)
                    .containsPattern("<td>0</td>\\s*<td class=\"num\">2</td>\\s*<td class=\"num\">(\\d+)</td>");
            assertThat(page).contains("lanes-test-host").contains("diskSpace").contains("429 cool-down");
            assertThat(page).containsPattern("id=\"llm-in-use\">[1-9]");
        } finally {
            redis.delete(JobKeys.LLM_COOLDOWN);
            redis.opsForZSet().remove(JobKeys.LLM_PERMITS, "lanes-test-holder");
        }
    }

    private void beat(String codingGroup) {
        var health = Json.mapper()
                .readTree(
                        "{\"status\":\"UP\",\"components\":{\"diskSpace\":{\"status\":\"UP\",\"details\":{\"free\":1}}}}");
        var beat = new WorkerHeartbeat(
                "lanes-test-" + UUID.randomUUID(),
                "lanes-test-host",
                Instant.now().minusSeconds(60),
                Instant.now(),
                health,
                Map.of("CODING", new WorkerHeartbeat.Lane(3, 32, codingGroup, Topics.LANE_CODING.name())),
                "evalify-worker-router",
                256);
        redis.opsForValue().set(JobKeys.workerHeartbeat(beat.instanceId()), beat.toJson(), Duration.ofSeconds(30));
        redis.opsForZSet().add(JobKeys.WORKERS, beat.instanceId(), System.currentTimeMillis());
    }

    private void produce(String topic, int partition, int count) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, "k" + i, "v" + i));
            }
            producer.flush();
        }
    }

    private void commit(String group, TopicPartition partition, long offset) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
        }
    }

    private Cookie signIn() throws Exception {
        return mvc.perform(post("/dashboard/sign-in").param("api_key", API_KEY))
                .andReturn()
                .getResponse()
                .getCookie("evalify_session");
    }
}
