package io.evalify.worker.lane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.evalify.worker.config.WorkerProperties.LaneRecovery;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The call stage's consumer on a real broker: concurrency beyond partitions, commit safety, redelivery. */
class SlidingWindowConsumerTest {

    private static final WindowSettings SETTINGS =
            new WindowSettings(64, Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofMillis(20));

    private static final LaneRecovery RECOVERY = new LaneRecovery(
            Duration.ofMillis(100),
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(10));

    private static EmbeddedKafkaKraftBroker broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.destroy();
    }

    @Test
    void shouldKeepManyRecordsOfOnePartitionInFlightAtOnce() throws Exception {
        var topic = topicWith(100);
        var started = new CountDownLatch(64);
        var release = new CountDownLatch(1);
        try (var consumer = consumer(topic, "g-" + topic, record -> {
            started.countDown();
            release.await();
        })) {
            assertThat(started.await(30, TimeUnit.SECONDS))
                    .as("64 records running together")
                    .isTrue();
            assertThat(consumer.inFlight()).isEqualTo(64);
            release.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> committed("g-" + topic, topic) == 100);
        }
    }

    @Test
    void shouldNotCommitPastARecordThatIsStillRunning() throws Exception {
        var topic = topicWith(10);
        var releaseFirst = new CountDownLatch(1);
        var done = new AtomicInteger();
        try (var consumer = consumer(topic, "g-" + topic, record -> {
            if (record.offset() == 0) {
                releaseFirst.await();
            }
            done.incrementAndGet();
        })) {
            await().atMost(Duration.ofSeconds(30)).until(() -> done.get() == 9);
            // Records 1..9 are done, but offset 0 is not: nothing may be committed past it.
            await().during(Duration.ofMillis(300))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> committed("g-" + topic, topic) <= 0);
            releaseFirst.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> committed("g-" + topic, topic) == 10);
        }
    }

    @Test
    void shouldRedeliverUnfinishedRecordsAfterACrash() throws Exception {
        var topic = topicWith(20);
        var group = "g-" + topic;
        var finished = ConcurrentHashMap.<Long>newKeySet();
        var blockOdd = new CountDownLatch(1);
        var first = consumer(topic, group, record -> {
            if (record.offset() % 2 == 1) {
                blockOdd.await();
            }
            finished.add(record.offset());
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> finished.size() == 10);
        first.abort();

        Set<Long> redelivered = ConcurrentHashMap.newKeySet();
        try (var second = consumer(topic, group, record -> redelivered.add(record.offset()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> committed(group, topic) == 20);
        }
        // Every odd offset was unfinished at the crash, so each comes back.
        for (long offset = 1; offset < 20; offset += 2) {
            assertThat(redelivered).contains(offset);
        }
    }

    private SlidingWindowConsumer consumer(String topic, String group, RecordHandler handler) {
        var props = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                6000);
        var consumer = new SlidingWindowConsumer(
                "test",
                () -> new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer()),
                topic,
                SETTINGS,
                RECOVERY,
                handler,
                () -> true,
                Clock.systemUTC());
        consumer.start();
        return consumer;
    }

    private static String topicWith(int records) throws Exception {
        var topic = "window-" + UUID.randomUUID();
        admin.createTopics(java.util.List.of(new NewTopic(topic, 1, (short) 1)))
                .all()
                .get();
        var props = Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, new byte[] {1}));
            }
        }
        return topic;
    }

    private static long committed(String group, String topic) throws Exception {
        var offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        var offset = offsets.get(new TopicPartition(topic, 0));
        return offset == null ? -1 : offset.offset();
    }
}
