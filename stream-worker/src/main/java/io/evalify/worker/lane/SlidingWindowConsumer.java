package io.evalify.worker.lane;

import io.evalify.worker.config.WorkerProperties.LaneRecovery;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer that keeps up to {@code maxInFlight} records in progress at once, whatever the partition count,
 * and commits per partition only the offset below which every record is done. So a crash redelivers exactly the
 * unfinished records (and perhaps some finished ones: effects must be idempotent), and one slow record never
 * blocks the others. One poller thread owns the Kafka consumer; each record runs on a virtual thread.
 *
 * <p>No error ends the poller: a failed Kafka call makes the lane {@link LaneState#RECOVERING}; it backs off
 * (bounded, {@link LaneRecovery}) and tries again with the same consumer, which reconnects by itself, or with a
 * new one when the old cannot go on or has failed for too long. A new consumer resumes from the committed offsets.
 */
final class SlidingWindowConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlidingWindowConsumer.class);

    /** How often the lag shown in health is refreshed from the client. */
    private static final Duration LAG_REFRESH = Duration.ofSeconds(1);

    private final String name;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final String topic;
    private final WindowSettings settings;
    private final LaneRecovery recovery;
    private final RecordHandler handler;
    private final BooleanSupplier admission;
    private final Clock clock;
    private final LaneStatus status;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<TopicPartition, OffsetTracker> trackers = new HashMap<>();
    private final Map<TopicPartition, AtomicInteger> inFlightByPartition = new HashMap<>();
    private final ArrayDeque<ConsumerRecord<String, byte[]>> backlog = new ArrayDeque<>();
    private final LinkedBlockingQueue<ConsumerRecord<String, byte[]>> completions = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread poller;
    private volatile Consumer<String, byte[]> consumer;
    private volatile boolean running = true;
    private volatile boolean aborted;
    private boolean discarding;
    private long lastCommit = System.nanoTime();
    private long lastLag;
    private Backoff backoff;

    /**
     * A consumer of {@code topic} that starts a record only while {@code admission} allows it (a lower-priority
     * lane yields while a higher-priority one has work; records already running are never affected); call
     * {@link #start()} to begin.
     *
     * @param consumers opens a new Kafka consumer (at start, and when the lane replaces a broken one)
     */
    SlidingWindowConsumer(
            String name,
            Supplier<Consumer<String, byte[]>> consumers,
            String topic,
            WindowSettings settings,
            LaneRecovery recovery,
            RecordHandler handler,
            BooleanSupplier admission,
            Clock clock) {
        this.name = name;
        this.consumers = consumers;
        this.topic = topic;
        this.settings = settings;
        this.recovery = recovery;
        this.handler = handler;
        this.admission = admission;
        this.clock = clock;
        this.status = new LaneStatus(name, clock);
        this.backoff = new Backoff(recovery);
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

    /** The lane's state for health. */
    LaneStatus.Snapshot status() {
        return status.snapshot();
    }

    /** Graceful stop: no new records, in-flight ones finish (up to the drain timeout), done offsets committed. */
    @Override
    public void close() {
        running = false;
        stopping.countDown();
        wakeUp();
        join();
    }

    /** Abrupt stop, as a crash would: nothing more is committed and in-flight records are interrupted. */
    public void abort() {
        aborted = true;
        running = false;
        stopping.countDown();
        workers.shutdownNow();
        wakeUp();
        join();
    }

    private void run() {
        try {
            while (running) {
                turn();
            }
            if (!aborted) {
                finish();
            }
            status.stopped();
        } catch (Error e) { // out of memory and the like: no retry helps, liveness tells the orchestrator
            status.dead(e);
            throw e;
        } finally {
            workers.shutdownNow();
            closeConsumer(aborted ? Duration.ZERO : Duration.ofSeconds(5));
        }
    }

    /** One turn of the loop, turning any Kafka failure into a back-off (and a new consumer when needed). */
    private void turn() {
        try {
            if (consumer == null) {
                open();
            }
            pollOnce();
        } catch (WakeupException e) {
            // close() or abort(): the loop's condition ends it
        } catch (RuntimeException e) {
            if (!running) {
                return;
            }
            status.recovering(e);
            if (!canGoOn(e) || status.snapshot().age(clock.instant()).compareTo(recovery.recreateAfter()) > 0) {
                log.warn("{}: replacing the Kafka consumer; the new one resumes from the committed offsets", name);
                closeConsumer(Duration.ZERO);
            }
            pause(backoff.next());
        }
    }

    /**
     * Whether the consumer can carry on after {@code e}: the broker being unreachable (the client reconnects by
     * itself) and a commit lost to a rebalance (the next poll rejoins) both leave it usable.
     */
    private static boolean canGoOn(RuntimeException e) {
        return e instanceof RetriableException
                || e instanceof CommitFailedException
                || e instanceof RebalanceInProgressException;
    }

    private void open() {
        consumer = consumers.get();
        consumer.subscribe(List.of(topic), new Rebalance());
    }

    /**
     * One turn of the loop. With records waiting to start, the poller waits on task completions rather than on
     * Kafka, so a slot freed by a finished task is refilled at once instead of after the next poll timeout.
     */
    private void pollOnce() {
        probeIfQuiet();
        var timeout = backlog.isEmpty() ? settings.pollTimeout() : Duration.ZERO;
        var records = consumer.poll(timeout);
        if (!records.isEmpty()) {
            heard();
        }
        for (var record : records) {
            tracker(record).add(record.offset());
            backlog.add(record);
        }
        startFromBacklog();
        collectCompletions(backlog.isEmpty() ? 0 : settings.pollTimeout().toMillis());
        startFromBacklog();
        applyBackpressure();
        commit(false);
        refreshLag();
    }

    /**
     * An idle lane polls nothing and commits nothing, so it would not notice an outage: when the broker has been
     * silent for a probe interval, ask the group coordinator for the committed offsets (throws if unreachable).
     */
    private void probeIfQuiet() {
        var last = status.snapshot().lastContact();
        if (last != null
                && Duration.between(last, clock.instant()).compareTo(recovery.probeInterval()) < 0
                && status.snapshot().state() == LaneState.RUNNING) {
            return;
        }
        consumer.committed(probePartitions(), recovery.kafkaTimeout());
        heard();
    }

    private Set<TopicPartition> probePartitions() {
        var assigned = consumer.assignment();
        return assigned.isEmpty() ? Set.of(new TopicPartition(topic, 0)) : assigned;
    }

    private void heard() {
        status.contact();
        backoff = new Backoff(recovery);
    }

    private void refreshLag() {
        if (System.nanoTime() - lastLag < LAG_REFRESH.toNanos()) {
            return;
        }
        lastLag = System.nanoTime();
        long lag = 0;
        for (var partition : consumer.assignment()) {
            lag += consumer.currentLag(partition).orElse(0);
        }
        status.lag(lag);
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
            var retries = new Backoff(recovery);
            while (!tryHandle(record)) {
                Thread.sleep(retries.next().toMillis());
            }
            release(record);
            completions.add(record); // after the release, so the woken poller finds the slot free
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
        consumer.commitSync(offsets, recovery.kafkaTimeout());
        offsets.forEach((partition, offset) -> trackers.get(partition).committed(offset.offset()));
        heard();
    }

    /** On a graceful stop: lets in-flight records finish and commits what is done, if the broker lets it. */
    private void finish() {
        drain(trackers.keySet(), settings.drainTimeout());
        if (consumer == null) {
            return;
        }
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                commit(true);
                return;
            } catch (WakeupException e) {
                // the wake-up of close() was still pending (it came during a back-off); the second try goes through
            } catch (RuntimeException e) {
                log.warn("{}: final commit failed; the next owner will redo some records: {}", name, e.toString());
                return;
            }
        }
    }

    /** Waits for the in-flight records of these partitions, collecting their completions. */
    private void drain(Collection<TopicPartition> partitions, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partitions.stream().anyMatch(p -> counter(p) > 0) && System.nanoTime() < deadline) {
            collectCompletions(10);
        }
        collectCompletions(0);
    }

    /**
     * Closes the consumer (the next turn opens a new one). Its partitions' unstarted records are dropped and their
     * trackers forgotten: whoever gets the partitions next resumes from the committed offsets. Records still
     * running finish; their completions no longer move a commit.
     */
    private void closeConsumer(Duration timeout) {
        var current = consumer;
        consumer = null;
        backlog.clear();
        trackers.clear();
        if (current == null) {
            return;
        }
        discarding = true;
        try {
            current.close(timeout);
        } catch (RuntimeException e) {
            log.debug("{}: closing the old consumer failed", name, e);
        } finally {
            discarding = false;
        }
    }

    /** Sleeps the back-off, returning early when the lane is stopped. */
    private void pause(Duration delay) {
        try {
            stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void wakeUp() {
        var current = consumer;
        if (current != null) {
            current.wakeup();
        }
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
            poller.join(settings.drainTimeout()
                    .plus(recovery.kafkaTimeout())
                    .plusSeconds(10)
                    .toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands back revoked partitions cleanly: unstarted records are dropped, in-flight ones finish first. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            backlog.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
            if (!aborted && !discarding) {
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
