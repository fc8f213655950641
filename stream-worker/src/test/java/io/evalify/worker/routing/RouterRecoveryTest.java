package io.evalify.worker.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The router's recovery on a real broker and a real Kafka Streams client, configured through the same
 * {@link StreamsBuilderFactoryBean} hook as the worker: a stream thread that dies is replaced and the record it
 * died on is processed again; a thread that keeps dying shuts the router down and marks the worker broken.
 */
class RouterRecoveryTest {

    private static EmbeddedKafkaKraftBroker broker;

    private final List<Object> events = new CopyOnWriteArrayList<>();
    private StreamsBuilderFactoryBean factory;
    private RouterThreadPolicy policy;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @AfterEach
    void stopStreams() {
        if (factory != null) {
            factory.stop();
        }
    }

    @Test
    void shouldReplaceAStreamThreadThatDiedAndProcessItsRecordAgain() throws Exception {
        var failedOnce = new AtomicBoolean();
        var topics = startRouter(3, value -> value.equals("boom") && failedOnce.compareAndSet(false, true));

        send(topics.in(), "a", "boom", "c");

        // The new thread gets the partition only after ~45 s: the dead thread's member lingers in the group.
        await().atMost(Duration.ofSeconds(120))
                .dontCatchUncaughtExceptions() // the dying stream thread's own
                .until(() -> received(topics.out()).containsAll(List.of("a", "boom", "c")));
        assertThat(failedOnce).isTrue();
        assertThat(factory.getKafkaStreams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(events).isEmpty();
        var health = RouterHealth.of(factory, policy).health(true);
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("replacedThreads", 1)
                .containsKey("lastReplacement")
                .hasEntrySatisfying(
                        "lastThreadError", error -> assertThat(error.toString()).contains("processing failed on boom"));
    }

    @Test
    void shouldShutTheRouterDownAndReportTheWorkerBrokenWhenItsThreadKeepsDying() throws Exception {
        var topics = startRouter(0, value -> value.equals("always")); // the count is RouterThreadPolicyTest's

        send(topics.in(), "always");

        await().atMost(Duration.ofSeconds(60))
                .dontCatchUncaughtExceptions()
                .until(() -> factory.getKafkaStreams().state() == KafkaStreams.State.ERROR);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(events)
                        .singleElement()
                        .satisfies(event -> assertThat(((AvailabilityChangeEvent<?>) event).getState())
                                .isEqualTo(LivenessState.BROKEN)));
        var health = RouterHealth.of(factory, policy).health(true);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("state", "ERROR");
    }

    private record TopicPair(String in, String out) {}

    /** A one-step topology that throws on the values {@code fails} picks, under the worker's recovery. */
    private TopicPair startRouter(int maxReplacements, Predicate<String> fails) throws Exception {
        var topics = new TopicPair("in-" + UUID.randomUUID(), "out-" + UUID.randomUUID());
        broker.addTopics(topics.in(), topics.out());
        factory = new StreamsBuilderFactoryBean(new KafkaStreamsConfiguration(streamsConfig()));
        policy = new RouterThreadPolicy(maxReplacements, Duration.ofMinutes(10), Clock.systemUTC());
        new RouterRecovery(policy, events::add).configure(factory);
        factory.afterPropertiesSet();
        factory.getObject().stream(topics.in(), Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(value -> {
                    if (fails.test(value)) {
                        throw new IllegalStateException("processing failed on " + value);
                    }
                    return value;
                })
                .to(topics.out(), Produced.with(Serdes.String(), Serdes.String()));
        factory.afterSingletonsInstantiated(); // builds the topology, as the application context does
        factory.start();
        return topics;
    }

    private static Map<String, Object> streamsConfig() {
        return Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG,
                "router-recovery-" + UUID.randomUUID(),
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString(),
                StreamsConfig.STATE_DIR_CONFIG,
                "target/tmp/router-recovery-" + System.nanoTime(),
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                100,
                StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG),
                "earliest");
    }

    private static void send(String topic, String... values) throws Exception {
        var props = new Properties();
        props.put("bootstrap.servers", broker.getBrokersAsString());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (var value : values) {
                producer.send(new ProducerRecord<>(topic, value, value)).get();
            }
        }
    }

    private static List<String> received(String topic) {
        var props = new Properties();
        props.put("bootstrap.servers", broker.getBrokersAsString());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            var values = new ArrayList<String>();
            consumer.poll(Duration.ofSeconds(2)).forEach(r -> values.add(r.value()));
            return values;
        }
    }
}
