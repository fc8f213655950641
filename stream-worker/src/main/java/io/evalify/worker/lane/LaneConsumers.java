package io.evalify.worker.lane;

import io.evalify.core.topic.Topics;
import io.evalify.schemas.task.TaskLane;
import io.evalify.worker.config.WorkerProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.SmartLifecycle;

/**
 * The call stage: one sliding-window consumer per lane, each its own consumer group with its own concurrency,
 * like RQ's separate queues. Stops gracefully before the application context closes.
 */
public class LaneConsumers implements SmartLifecycle {

    private final Map<String, Object> consumerProperties;
    private final WorkerProperties properties;
    private final RecordHandler handler;
    private final io.micrometer.core.instrument.MeterRegistry registry;
    private final List<SlidingWindowConsumer> consumers = new ArrayList<>();
    /** Replaced whole (never changed in place), so health reads it without waiting for a stop to finish. */
    private volatile Map<TaskLane, SlidingWindowConsumer> byLane = Map.of();

    private final Map<TaskLane, io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics> clientMetrics =
            new java.util.EnumMap<>(TaskLane.class);
    private final java.time.Clock clock;
    private volatile boolean running;

    /** The client registers its fetch metrics (lag) only after joining; look for new ones this often. */
    private static final java.time.Duration METRICS_REFRESH = java.time.Duration.ofSeconds(5);

    private final java.util.concurrent.ScheduledExecutorService metricsRefresher =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().factory());

    /** Lanes over the given base consumer properties (bootstrap servers, security); {@code clock} times their states. */
    public LaneConsumers(
            Map<String, Object> consumerProperties,
            WorkerProperties properties,
            RecordHandler handler,
            io.micrometer.core.instrument.MeterRegistry registry,
            java.time.Clock clock) {
        this.consumerProperties = consumerProperties;
        this.clock = clock;
        this.properties = properties;
        this.handler = handler;
        this.registry = registry;
    }

    @Override
    public synchronized void start() {
        SlidingWindowConsumer objective = null;
        var started = new java.util.EnumMap<TaskLane, SlidingWindowConsumer>(TaskLane.class);
        for (var lane : TaskLane.values()) {
            var consumer = new SlidingWindowConsumer(
                    "lane-" + tag(lane),
                    () -> open(lane),
                    Topics.lane(lane).name(),
                    settings(lane),
                    properties.laneRecovery(),
                    handler,
                    admission(lane, objective),
                    clock);
            objective = lane == TaskLane.OBJECTIVE ? consumer : objective;
            inFlightGauge(lane, consumer);
            consumer.start();
            consumers.add(consumer);
            started.put(lane, consumer);
        }
        byLane = started;
        running = true;
    }

    /** The slow lanes yield to the objective lane while it has work (see {@link WorkerProperties#objectivePriority}). */
    private java.util.function.BooleanSupplier admission(TaskLane lane, SlidingWindowConsumer objective) {
        if (lane == TaskLane.OBJECTIVE || objective == null || !properties.objectivePriority()) {
            return () -> true;
        }
        return () -> objective.inFlight() == 0;
    }

    /**
     * A new Kafka consumer for a lane (at start, and whenever the lane replaces a broken one), with the client's
     * metrics (consumer lag, fetch rates) bound in place of the previous consumer's.
     */
    private KafkaConsumer<String, byte[]> open(TaskLane lane) {
        var kafka = new KafkaConsumer<>(props(lane), new StringDeserializer(), new ByteArrayDeserializer());
        var binder = new io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics(
                kafka,
                List.of(io.micrometer.core.instrument.Tag.of("lane", tag(lane))),
                metricsRefresher,
                METRICS_REFRESH);
        binder.bindTo(registry);
        synchronized (clientMetrics) {
            var previous = clientMetrics.put(lane, binder);
            if (previous != null) {
                previous.close();
            }
        }
        return kafka;
    }

    private void inFlightGauge(TaskLane lane, SlidingWindowConsumer consumer) {
        io.micrometer.core.instrument.Gauge.builder(
                        "evalify.worker.in_flight", consumer, SlidingWindowConsumer::inFlight)
                .description("Tasks in progress in a lane's call stage")
                .tag("lane", tag(lane))
                .strongReference(true)
                .register(registry);
    }

    private static String tag(TaskLane lane) {
        return lane.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public synchronized void stop() {
        forEachInParallel(SlidingWindowConsumer::close);
        consumers.clear();
        byLane = Map.of();
        synchronized (clientMetrics) {
            clientMetrics.values().forEach(io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics::close);
            clientMetrics.clear();
        }
        running = false;
    }

    /** Stops every lane as a crash would (for tests of crash safety). */
    public synchronized void abort() {
        forEachInParallel(SlidingWindowConsumer::abort);
        consumers.clear();
        byLane = Map.of();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop after the web server but before Kafka Streams and the Redis connection go away. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }

    /** Records in flight over all lanes. */
    public int inFlight() {
        return byLane.values().stream()
                .mapToInt(SlidingWindowConsumer::inFlight)
                .sum();
    }

    /** Each lane's state, for health. */
    Map<TaskLane, LaneStatus.Snapshot> statusByLane() {
        var status = new java.util.EnumMap<TaskLane, LaneStatus.Snapshot>(TaskLane.class);
        byLane.forEach((lane, consumer) -> status.put(lane, consumer.status()));
        return status;
    }

    /** Tasks in progress now, per lane (for the heartbeat the dashboard reads). */
    public Map<TaskLane, Integer> inFlightByLane() {
        var inFlight = new java.util.EnumMap<TaskLane, Integer>(TaskLane.class);
        byLane.forEach((lane, consumer) -> inFlight.put(lane, consumer.inFlight()));
        return inFlight;
    }

    /** The consumer group of a lane. */
    public String groupOf(TaskLane lane) {
        return properties.groupPrefix() + "-" + lane.name().toLowerCase(java.util.Locale.ROOT);
    }

    private void forEachInParallel(java.util.function.Consumer<SlidingWindowConsumer> action) {
        var threads = consumers.stream()
                .map(c -> Thread.ofVirtual().start(() -> action.accept(c)))
                .toList();
        threads.forEach(t -> {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private Map<String, Object> props(TaskLane lane) {
        var props = new HashMap<>(consumerProperties);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupOf(lane));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(500, concurrency(lane)));
        return props;
    }

    private WindowSettings settings(TaskLane lane) {
        return new WindowSettings(
                concurrency(lane), properties.commitInterval(), properties.drainTimeout(), properties.pollTimeout());
    }

    private int concurrency(TaskLane lane) {
        Function<WorkerProperties.Lanes, Integer> pick = switch (lane) {
            case OBJECTIVE -> WorkerProperties.Lanes::objective;
            case LLM -> WorkerProperties.Lanes::llm;
            case CODING -> WorkerProperties.Lanes::coding;
        };
        return pick.apply(properties.lanes());
    }
}
