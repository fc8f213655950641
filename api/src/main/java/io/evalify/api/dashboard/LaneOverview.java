package io.evalify.api.dashboard;

import io.evalify.api.config.ApiProperties;
import io.evalify.core.job.JobKeys;
import io.evalify.core.topic.Topics;
import io.evalify.core.worker.WorkerHeartbeat;
import io.evalify.schemas.task.TaskLane;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * What the lanes and workers are doing, read where it is kept: consumer lag per partition and group states from
 * Kafka's admin API, the workers' heartbeats and the global LLM permits from Redis. Nothing is estimated: a source
 * that does not answer within {@code admin-timeout} is shown as unavailable.
 */
@Component
class LaneOverview {

    /** Heartbeats older than this are not shown (the key expires sooner; this bounds the index read). */
    private static final Duration SHOWN_BEATS = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(LaneOverview.class);

    private final KafkaAdmin kafkaAdmin;
    private final StringRedisTemplate redis;
    private final ApiProperties.Dashboard settings;
    private final Clock clock;
    private Admin admin;

    LaneOverview(KafkaAdmin kafkaAdmin, StringRedisTemplate redis, ApiProperties properties, Clock clock) {
        this.kafkaAdmin = kafkaAdmin;
        this.redis = redis;
        this.settings = properties.dashboard();
        this.clock = clock;
    }

    /** Everything the lanes page shows. */
    LanesView read() {
        var workers = workers();
        var llm = llm(workers);
        try {
            var lanes = new ArrayList<LanesView.Lane>();
            for (var lane : TaskLane.values()) {
                lanes.add(lane(lane, workers));
            }
            return new LanesView(lanes, router(workers), llm, workers, null);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Kafka's admin API did not answer for the dashboard: {}", e.toString());
            return new LanesView(List.of(), null, llm, workers, "Kafka did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LanesView(List.of(), null, llm, workers, "interrupted");
        }
    }

    /** Live worker instances, newest beat first; a beat that cannot be read is left out. */
    List<WorkerHeartbeat> workers() {
        long now = clock.millis();
        redis.opsForZSet()
                .removeRangeByScore(
                        JobKeys.WORKERS, 0, now - Duration.ofHours(1).toMillis());
        var ids =
                redis.opsForZSet().reverseRangeByScore(JobKeys.WORKERS, now - SHOWN_BEATS.toMillis(), Double.MAX_VALUE);
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        var keys = ids.stream().map(JobKeys::workerHeartbeat).toList();
        var beats = redis.opsForValue().multiGet(keys);
        return beats == null
                ? List.of()
                : beats.stream()
                        .filter(Objects::nonNull)
                        .map(LaneOverview::readBeat)
                        .filter(Objects::nonNull)
                        .toList();
    }

    private static WorkerHeartbeat readBeat(String json) {
        try {
            return WorkerHeartbeat.fromJson(json);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private LanesView.Llm llm(List<WorkerHeartbeat> workers) {
        Long inUse = redis.opsForZSet().count(JobKeys.LLM_PERMITS, clock.millis(), Double.POSITIVE_INFINITY);
        Long cooldown = redis.getExpire(JobKeys.LLM_COOLDOWN, TimeUnit.MILLISECONDS);
        Integer limit = workers.stream()
                .map(WorkerHeartbeat::llmLimit)
                .filter(l -> l > 0)
                .findFirst()
                .orElse(null);
        return new LanesView.Llm(inUse == null ? 0 : inUse, limit, cooldown == null || cooldown <= 0 ? null : cooldown);
    }

    private LanesView.Lane lane(TaskLane lane, List<WorkerHeartbeat> workers)
            throws ExecutionException, InterruptedException, TimeoutException {
        var name = lane.name();
        var topic = Topics.lane(lane).name();
        var group = workers.stream()
                .map(w -> w.lanes().get(name))
                .filter(Objects::nonNull)
                .map(WorkerHeartbeat.Lane::group)
                .findFirst()
                .orElse(settings.workerGroupPrefix() + "-" + name.toLowerCase(java.util.Locale.ROOT));
        int inFlight = sum(workers, name, WorkerHeartbeat.Lane::inFlight);
        int capacity = sum(workers, name, WorkerHeartbeat.Lane::capacity);
        var partitions = lag(group, Set.of(topic));
        var description = describe(group);
        return new LanesView.Lane(
                name.toLowerCase(java.util.Locale.ROOT),
                topic,
                group,
                inFlight,
                capacity,
                description.state(),
                description.members(),
                partitions);
    }

    private LanesView.Router router(List<WorkerHeartbeat> workers)
            throws ExecutionException, InterruptedException, TimeoutException {
        var id = workers.stream()
                .map(WorkerHeartbeat::routerApplicationId)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(settings.routerApplicationId());
        var inputs = Topics.routerInputs().stream().map(t -> t.name()).collect(Collectors.toSet());
        inputs.add(Topics.RETRY.name());
        var partitions = lag(id, inputs);
        var description = describe(id);
        long lag = partitions.stream().mapToLong(LanesView.PartitionLag::lag).sum();
        return new LanesView.Router(id, description.state(), description.members(), lag);
    }

    private static int sum(List<WorkerHeartbeat> workers, String lane, ToIntFunction<WorkerHeartbeat.Lane> field) {
        return workers.stream()
                .map(w -> w.lanes().get(lane))
                .filter(Objects::nonNull)
                .mapToInt(field)
                .sum();
    }

    /** Committed offset and end offset of every partition of {@code topics}, for the group. */
    private List<LanesView.PartitionLag> lag(String group, Set<String> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        var timeout = settings.adminTimeout().toMillis();
        var partitions =
                admin().describeTopics(topics).allTopicNames().get(timeout, TimeUnit.MILLISECONDS).values().stream()
                        .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                        .toList();
        var committed = committed(group, timeout);
        var latest = new HashMap<TopicPartition, OffsetSpec>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        var ends = admin().listOffsets(latest).all().get(timeout, TimeUnit.MILLISECONDS);
        return partitions.stream()
                .map(p -> {
                    long end = ends.get(p).offset();
                    var offset = committed.get(p);
                    Long at = offset == null ? null : offset.offset();
                    return new LanesView.PartitionLag(p.topic(), p.partition(), end, at, end - (at == null ? 0 : at));
                })
                .sorted(Comparator.comparing(LanesView.PartitionLag::topic)
                        .thenComparingInt(LanesView.PartitionLag::partition))
                .toList();
    }

    /** The group's committed offsets; none for a group the broker does not know. */
    private Map<TopicPartition, OffsetAndMetadata> committed(String group, long timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            return admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(timeout, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Map.of();
            }
            throw e;
        }
    }

    /** The group's state and member count; a group the broker does not know is shown as such, not as an error. */
    private GroupState describe(String group) throws ExecutionException, InterruptedException, TimeoutException {
        try {
            var description = admin().describeConsumerGroups(List.of(group))
                    .describedGroups()
                    .get(group)
                    .get(settings.adminTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return new GroupState(
                    description.groupState().toString(), description.members().size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return new GroupState("NOT_FOUND", 0);
            }
            throw e;
        }
    }

    private record GroupState(String state, int members) {}

    private synchronized Admin admin() {
        if (admin == null) {
            var config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
            config.put("request.timeout.ms", (int) settings.adminTimeout().toMillis());
            config.put("default.api.timeout.ms", (int) settings.adminTimeout().toMillis());
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
