package io.evalify.core.replay;

import io.evalify.core.topic.JsonSerde;
import io.evalify.core.topic.ReliableProducer;
import io.evalify.core.topic.Topics;
import io.evalify.schemas.deadletter.DeadLetter;
import io.evalify.schemas.task.TaskEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a range of the task, lane or dead-letter topic again to the task topic, e.g. after a backend
 * outage lost saves. It reads with {@code assign()} and no group id, so the live consumer groups' offsets are
 * never touched. Replayed tasks start again at attempt 1; the worker's exactly-once counting makes a replay of
 * already counted students change nothing but the saved grades.
 */
public class Replayer {

    private static final JsonSerde<TaskEvent> TASKS = new JsonSerde<>(TaskEvent.class);
    private static final JsonSerde<DeadLetter> LETTERS = new JsonSerde<>(DeadLetter.class);

    private final Map<String, Object> kafka;
    private final Clock clock;

    /** A replayer over the given client properties (bootstrap servers, security). */
    public Replayer(Map<String, Object> kafka, Clock clock) {
        this.kafka = Map.copyOf(kafka);
        this.clock = clock;
    }

    /** Runs the replay and waits until every republished task is acknowledged. */
    public ReplayResult replay(ReplayRequest request) {
        try (var consumer = consumer();
                var producer = new KafkaProducer<>(producerProps(), new StringSerializer(), TASKS.serializer())) {
            var ranges = ranges(consumer, request);
            var counts = new long[3];
            var sends = new ArrayList<Future<RecordMetadata>>();
            ranges.forEach((partition, range) -> readRange(consumer, partition, range, record -> {
                counts[0]++;
                var task = taskOf(request.topic(), record).filter(t -> matches(t, request));
                if (task.isEmpty()) {
                    counts[2]++;
                    return;
                }
                var again = task.get().requeued(clock.instant());
                sends.add(producer.send(new ProducerRecord<>(Topics.TASKS.name(), again.key(), again)));
                counts[1]++;
            }));
            producer.flush();
            awaitAll(sends);
            return new ReplayResult(counts[0], counts[1], counts[2]);
        }
    }

    private Map<TopicPartition, long[]> ranges(KafkaConsumer<String, byte[]> consumer, ReplayRequest request) {
        var partitions = consumer.partitionsFor(request.topic()).stream()
                .filter(p -> request.partition() == null || p.partition() == request.partition())
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        var ends = consumer.endOffsets(partitions);
        var starts = startOffsets(consumer, partitions, request, ends);
        var lasts = lastOffsets(consumer, partitions, request, ends);
        var ranges = new HashMap<TopicPartition, long[]>();
        for (var partition : partitions) {
            long start = starts.get(partition);
            long endExclusive = Math.min(ends.get(partition), lasts.get(partition));
            if (start < endExclusive) {
                ranges.put(partition, new long[] {start, endExclusive});
            }
        }
        return ranges;
    }

    private static Map<TopicPartition, Long> startOffsets(
            KafkaConsumer<String, byte[]> consumer,
            List<TopicPartition> partitions,
            ReplayRequest request,
            Map<TopicPartition, Long> ends) {
        if (request.fromOffset() != null) {
            var starts = new HashMap<TopicPartition, Long>();
            partitions.forEach(p -> starts.put(p, request.fromOffset()));
            return starts;
        }
        return byTime(consumer, partitions, request.fromTime().toEpochMilli(), ends);
    }

    private static Map<TopicPartition, Long> lastOffsets(
            KafkaConsumer<String, byte[]> consumer,
            List<TopicPartition> partitions,
            ReplayRequest request,
            Map<TopicPartition, Long> ends) {
        var lasts = new HashMap<TopicPartition, Long>();
        if (request.toTime() != null) {
            return byTime(consumer, partitions, request.toTime().toEpochMilli() + 1, ends);
        }
        partitions.forEach(p -> lasts.put(p, request.toOffset() == null ? ends.get(p) : request.toOffset() + 1));
        return lasts;
    }

    /** The first offset at or after {@code millis} in each partition, or the end when there is none. */
    private static Map<TopicPartition, Long> byTime(
            KafkaConsumer<String, byte[]> consumer,
            List<TopicPartition> partitions,
            long millis,
            Map<TopicPartition, Long> ends) {
        var query = new HashMap<TopicPartition, Long>();
        partitions.forEach(p -> query.put(p, millis));
        var found = consumer.offsetsForTimes(query);
        var offsets = new HashMap<TopicPartition, Long>();
        partitions.forEach(p ->
                offsets.put(p, found.get(p) == null ? ends.get(p) : found.get(p).offset()));
        return offsets;
    }

    private static void readRange(
            KafkaConsumer<String, byte[]> consumer,
            TopicPartition partition,
            long[] range,
            java.util.function.Consumer<ConsumerRecord<String, byte[]>> action) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, range[0]);
        long position = range[0];
        while (position < range[1]) {
            for (var record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < range[1]) {
                    action.accept(record);
                }
                position = record.offset() + 1;
            }
            position = Math.max(position, consumer.position(partition));
        }
    }

    private static Optional<TaskEvent> taskOf(String topic, ConsumerRecord<String, byte[]> record) {
        try {
            if (topic.equals(Topics.DEAD_LETTERS.name())) {
                return Optional.ofNullable(LETTERS.read(record.value()).task());
            }
            return Optional.of(TASKS.read(record.value()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean matches(TaskEvent task, ReplayRequest request) {
        return request.jobId() == null || request.jobId().equals(task.jobId());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        var props = new HashMap<>(kafka);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private Map<String, Object> producerProps() {
        return ReliableProducer.properties(kafka);
    }

    private static void awaitAll(List<Future<RecordMetadata>> sends) {
        try {
            for (var send : sends) {
                send.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("replay could not publish every task", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        }
    }
}
