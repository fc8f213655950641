package io.evalify.worker.it;

import io.evalify.core.topic.JsonSerde;
import io.evalify.core.topic.Topics;
import io.evalify.schemas.deadletter.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the whole dead-letter topic, for assertions. */
final class DeadLetters {

    private DeadLetters() {}

    static List<DeadLetter> all(String bootstrapServers) {
        var props = Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        var serde = new JsonSerde<>(DeadLetter.class);
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(Topics.DEAD_LETTERS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var ends = consumer.endOffsets(partitions);
            var letters = new ArrayList<DeadLetter>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> letters.add(serde.read(r.value())));
            }
            return letters;
        }
    }
}
