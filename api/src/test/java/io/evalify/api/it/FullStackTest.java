package io.evalify.api.it;

import com.sun.net.httpserver.HttpServer;
import io.evalify.core.testing.LocalRedis;
import io.evalify.core.topic.Topics;
import io.evalify.fakes.backend.FakeBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real API (full application context, real server on a random port) over a real redis-server, an in-JVM KRaft
 * broker and the fake backend. Subclasses share one context, so the stack starts once per test JVM.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "evalify.api.api-key=" + FullStackTest.API_KEY,
            "evalify.api.callback-secret=" + FullStackTest.CALLBACK_SECRET,
            "evalify.api.max-body-size=64KB",
            "evalify.api.events.poll-interval=100ms",
            "evalify.api.callback.poll-interval=100ms",
            "evalify.api.callback.initial-backoff=50ms",
            "evalify.api.sweep-interval=1h",
            "evalify.topics.partitions=3",
            "spring.main.banner-mode=off",
            "logging.level.org.apache.kafka=WARN",
            "logging.level.kafka=WARN",
            "logging.level.state.change.logger=WARN",
            "logging.level.org.springframework.kafka=WARN"
        })
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
abstract class FullStackTest {

    static final String API_KEY = "full-stack-key";
    static final String CALLBACK_SECRET = "whsec_ZnVsbC1zdGFjay1jYWxsYmFjay1zZWNyZXQtMzJi";
    static final FakeBackend BACKEND = new FakeBackend().start();

    /** Receives the stack's completion callbacks; the only host and port they may go to. */
    static final HttpServer CALLBACK_RECEIVER = callbackReceiver();

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    StringRedisTemplate redis;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> LocalRedis.shared().port());
        registry.add("evalify.backend.base-url", BACKEND::baseUrl);
        registry.add("evalify.backend.api-key", () -> FakeBackend.DEFAULT_API_KEY);
        registry.add(
                "evalify.api.callback.allowed-hosts",
                () -> "127.0.0.1:" + CALLBACK_RECEIVER.getAddress().getPort());
    }

    private static HttpServer callbackReceiver() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every key of ours in Redis now. */
    Set<String> evalifyKeys() {
        var keys = redis.keys("evalify:*");
        return keys == null ? Set.of() : new HashSet<>(keys);
    }

    /** Records on the topics tasks are submitted to so far, over all partitions. */
    long taskRecords() {
        var props = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            var partitions = Topics.routerInputs().stream()
                    .flatMap(topic -> consumer.partitionsFor(topic.name()).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .collect(Collectors.toList());
            return consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }
}
