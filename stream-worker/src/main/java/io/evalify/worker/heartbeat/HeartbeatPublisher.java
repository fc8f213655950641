package io.evalify.worker.heartbeat;

import io.evalify.core.job.JobKeys;
import io.evalify.core.topic.Topics;
import io.evalify.core.worker.WorkerHeartbeat;
import io.evalify.schemas.Json;
import io.evalify.schemas.task.TaskLane;
import io.evalify.worker.config.WorkerProperties;
import io.evalify.worker.lane.LaneConsumers;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Publishes this worker instance's heartbeat to Redis every {@code interval}: what its health endpoint reports
 * (as it is, so richer health shows up without a change here), tasks in flight per lane, and the groups it
 * consumes as. The key expires after three missed beats, so a dead instance disappears from the dashboard by
 * itself; a clean stop removes it at once. A beat that cannot be written (Redis down) is skipped.
 */
class HeartbeatPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatPublisher.class);

    private final StringRedisTemplate redis;
    private final HealthEndpoint health;
    private final LaneConsumers lanes;
    private final WorkerProperties properties;
    private final String routerApplicationId;
    private final Duration interval;
    private final Clock clock;
    private final String instanceId = UUID.randomUUID().toString();
    private final Instant startedAt;
    private ScheduledExecutorService beats;

    HeartbeatPublisher(
            StringRedisTemplate redis,
            HealthEndpoint health,
            LaneConsumers lanes,
            WorkerProperties properties,
            String routerApplicationId,
            Duration interval,
            Clock clock) {
        this.redis = redis;
        this.health = health;
        this.lanes = lanes;
        this.properties = properties;
        this.routerApplicationId = routerApplicationId;
        this.interval = interval;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    public synchronized void start() {
        beats = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("heartbeat").factory());
        beats.scheduleWithFixedDelay(this::beatQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (beats != null) {
            beats.shutdownNow();
            beats = null;
            try {
                redis.delete(JobKeys.workerHeartbeat(instanceId));
                redis.opsForZSet().remove(JobKeys.WORKERS, instanceId);
            } catch (RuntimeException e) {
                log.debug("Heartbeat of {} not removed at stop: {}", instanceId, e.toString());
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return beats != null;
    }

    /** Writes one beat now. */
    void beat() {
        var beat = new WorkerHeartbeat(
                instanceId,
                hostName(),
                startedAt,
                clock.instant(),
                Json.mapper().valueToTree(health.health()),
                lanes(),
                routerApplicationId,
                0);
        redis.opsForValue().set(JobKeys.workerHeartbeat(instanceId), beat.toJson(), interval.multipliedBy(3));
        redis.opsForZSet().add(JobKeys.WORKERS, instanceId, clock.millis());
    }

    /** This instance's id in {@link JobKeys#WORKERS}. */
    String instanceId() {
        return instanceId;
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            log.debug("Heartbeat skipped: {}", e.toString());
        }
    }

    private Map<String, WorkerHeartbeat.Lane> lanes() {
        var inFlight = lanes.inFlightByLane();
        var shown = new LinkedHashMap<String, WorkerHeartbeat.Lane>();
        for (var lane : TaskLane.values()) {
            shown.put(
                    lane.name(),
                    new WorkerHeartbeat.Lane(
                            inFlight.getOrDefault(lane, 0),
                            capacity(lane),
                            lanes.groupOf(lane),
                            Topics.lane(lane).name()));
        }
        return shown;
    }

    private int capacity(TaskLane lane) {
        return switch (lane) {
            case OBJECTIVE -> properties.lanes().objective();
            case LLM -> properties.lanes().llm();
            case CODING -> properties.lanes().coding();
        };
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
