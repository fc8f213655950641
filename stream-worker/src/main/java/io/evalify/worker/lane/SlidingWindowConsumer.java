package io.evalify.worker.lane;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer that keeps up to {@code maxInFlight} records in progress at once, whatever the partition count,
 * and commits per partition only the offset below which every record is done. So a crash redelivers exactly the
 * unfinished records (and perhaps some finished ones: effects must be idempotent), and one slow record never
 * blocks the others. One poller thread owns the Kafka consumer; each record runs on a virtual thread.
 */
final class SlidingWindowConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlidingWindowConsumer.class);

    private final String name;
    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final WindowSettings settings;
    private final RecordHandler handler;
    private final java.util.function.BooleanSupplier admission;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<TopicPartition, OffsetTracker> trackers = new HashMap<>();
    private final Map<TopicPartition, AtomicInteger> inFlightByPartition = new HashMap<>();
    private final ArrayDeque<ConsumerRecord<String, byte[]>> backlog = new ArrayDeque<>();
    private final LinkedBlockingQueue<ConsumerRecord<String, byte[]>> completions = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile boolean aborted;
    private long lastCommit = System.nanoTime();

    /** A consumer of {@code topic}; call {@link #start()} to begin. */
    SlidingWindowConsumer(
            String name,
            Consumer<String, byte[]> consumer,
            String topic,
            WindowSettings settings,
            RecordHandler handler) {
        this(name, consumer, topic, settings, handler, () -> true);
    }

    /**
     * A consumer that starts a record only while {@code admission} allows it (a lower-priority lane yields while
     * a higher-priority one has work); records already running are never affected.
     */
    SlidingWindowConsumer(
            String name,
            Consumer<String, byte[]> consumer,
            String topic,
            WindowSettings settings,
            RecordHandler handler,
            java.util.function.BooleanSupplier admission) {
        this.name = name;
        this.consumer = consumer;
        this.topic = topic;
        this.settings = settings;
        this.handler = handler;
        this.admission = admission;
        this.poller = Thread.ofPlatform().name(name + "-poller").unstarted(this::run);
    }

    /** Subscribes and starts polling. */
    public void start() {
        poller.start();
    }

    /** Records in progress right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** True while the poller runs. */
    public boolean isRunning() {
        return poller.isAlive();
    }

    /** Graceful stop: no new records, in-flight ones finish (up to the drain timeout), done offsets committed. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        join();
    }

    /** Abrupt stop, as a crash would: nothing more is committed and in-flight records are interrupted. */
    public void abort() {
        aborted = true;
        running = false;
        workers.shutdownNow();
        consumer.wakeup();
        join();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            while (running) {
                pollOnce();
            }
            if (!aborted) {
                drain(trackers.keySet(), settings.drainTimeout());
                commit(true);
            }
        } catch (WakeupException e) {
            if (!aborted) {
                drain(trackers.keySet(), settings.drainTimeout());
                commit(true);
            }
        } catch (RuntimeException e) {
            log.error("{}: poller stopped by an unexpected error; uncommitted records will be redelivered", name, e);
        } finally {
            workers.shutdownNow();
            consumer.close(Duration.ofSeconds(aborted ? 0 : 5));
        }
    }

    /**
     * One turn of the loop. With records waiting to start, the poller waits on task completions rather than on
     * Kafka, so a slot freed by a finished task is refilled at once instead of after the next poll timeout.
     */
    private void pollOnce() {
        var timeout = backlog.isEmpty() ? settings.pollTimeout() : Duration.ZERO;
        for (var record : consumer.poll(timeout)) {
            tracker(record).add(record.offset());
            backlog.add(record);
        }
        startFromBacklog();
        collectCompletions(backlog.isEmpty() ? 0 : settings.pollTimeout().toMillis());
        startFromBacklog();
        applyBackpressure();
        commit(false);
    }

    private void startFromBacklog() {
        while (!backlog.isEmpty() && inFlight.get() < settings.maxInFlight() && admission.getAsBoolean()) {
            var record = backlog.poll();
            inFlight.incrementAndGet();
            partitionCounter(record).incrementAndGet();
            workers.execute(() -> runHandler(record));
        }
    }

    /**
     * Runs the handler until it succeeds: a handler throws only when its effects could not be made durable
     * (Redis or Kafka down), and retrying in place keeps the offset from being committed meanwhile.
     */
    private void runHandler(ConsumerRecord<String, byte[]> record) {
        try {
            for (long backoff = 500; ; backoff = Math.min(backoff * 2, 30_000)) {
                if (tryHandle(record)) {
                    release(record);
                    completions.add(record); // after the release, so the woken poller finds the slot free
                    return;
                }
                Thread.sleep(backoff);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(record);
        }
    }

    private void release(ConsumerRecord<String, byte[]> record) {
        partitionCounter(record).decrementAndGet();
        inFlight.decrementAndGet();
    }

    private boolean tryHandle(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        try {
            handler.handle(record);
            return true;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            log.warn(
                    "{}: record {}-{}@{} not done yet, retrying in place",
                    name,
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e);
            return false;
        }
    }

    private void collectCompletions(long waitMillis) {
        try {
            var first = waitMillis > 0 ? completions.poll(waitMillis, TimeUnit.MILLISECONDS) : completions.poll();
            for (var done = first; done != null; done = completions.poll()) {
                var tracker = trackers.get(new TopicPartition(done.topic(), done.partition()));
                if (tracker != null) {
                    tracker.complete(done.offset());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops fetching while the backlog is full, so memory stays bounded and poll() keeps the membership alive. */
    private void applyBackpressure() {
        boolean full = backlog.size() >= settings.maxInFlight();
        if (full) {
            consumer.pause(consumer.assignment());
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    private void commit(boolean force) {
        if (!force && System.nanoTime() - lastCommit < settings.commitInterval().toNanos()) {
            return;
        }
        lastCommit = System.nanoTime();
        commit(trackers.keySet());
    }

    private void commit(Collection<TopicPartition> partitions) {
        var offsets = new HashMap<TopicPartition, OffsetAndMetadata>();
        for (var partition : partitions) {
            var tracker = trackers.get(partition);
            tracker.toCommit().ifPresent(offset -> offsets.put(partition, new OffsetAndMetadata(offset)));
        }
        if (offsets.isEmpty()) {
            return;
        }
        consumer.commitSync(offsets);
        offsets.forEach((partition, offset) -> trackers.get(partition).committed(offset.offset()));
    }

    /** Waits for the in-flight records of these partitions, collecting their completions. */
    private void drain(Collection<TopicPartition> partitions, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partitions.stream().anyMatch(p -> counter(p) > 0) && System.nanoTime() < deadline) {
            collectCompletions(10);
        }
        collectCompletions(0);
    }

    private int counter(TopicPartition partition) {
        var counter = inFlightByPartition.get(partition);
        return counter == null ? 0 : counter.get();
    }

    private OffsetTracker tracker(ConsumerRecord<?, ?> record) {
        return trackers.computeIfAbsent(
                new TopicPartition(record.topic(), record.partition()), p -> new OffsetTracker());
    }

    private AtomicInteger partitionCounter(ConsumerRecord<?, ?> record) {
        synchronized (inFlightByPartition) {
            return inFlightByPartition.computeIfAbsent(
                    new TopicPartition(record.topic(), record.partition()), p -> new AtomicInteger());
        }
    }

    private void join() {
        try {
            poller.join(settings.drainTimeout().plusSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands back revoked partitions cleanly: unstarted records are dropped, in-flight ones finish first. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            backlog.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
            if (!aborted) {
                drain(partitions, settings.drainTimeout());
                commitUnstartedAware(partitions);
            }
            partitions.forEach(trackers::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            log.info("{}: assigned {}", name, partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            backlog.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
            partitions.forEach(trackers::remove);
        }

        private void commitUnstartedAware(Collection<TopicPartition> partitions) {
            var owned = partitions.stream().filter(trackers::containsKey).toList();
            try {
                commit(owned);
            } catch (RuntimeException e) {
                log.warn("{}: commit on revoke failed; the new owner will redo some records", name, e);
            }
        }
    }
}
