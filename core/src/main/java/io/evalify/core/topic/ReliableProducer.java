package io.evalify.core.topic;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The one definition of how Evalify's own producers (API tasks, worker failures, replays) talk to Kafka: every
 * send acknowledged by all in-sync replicas, idempotent, and one request in flight per connection.
 *
 * <p>One in flight because of KAFKA-15591: with several requests in flight, a first request that meets
 * {@code NOT_LEADER_OR_FOLLOWER} (a partition the broker has not finished creating, or a leader moving) can be
 * overtaken by the next one; a broker with no state for the producer accepts that later sequence, and every
 * retry of the first request then fails with {@code OUT_OF_ORDER_SEQUENCE_NUMBER} until
 * {@code delivery.timeout.ms} drops it. Our test suite hit it (a job's tasks stuck for two minutes on a new
 * topic). Our producers send a burst and wait for all of it, so the cost is a few round trips per burst.
 */
public final class ReliableProducer {

    /** The clients' default request time-out, kept when the deadline allows it. */
    private static final long REQUEST_TIMEOUT_MS = 30_000;

    private ReliableProducer() {}

    /** {@code base} (bootstrap servers, security, client tuning) with the reliability settings forced on. */
    public static Map<String, Object> properties(Map<String, Object> base) {
        var props = new HashMap<>(base);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        return props;
    }

    /**
     * {@code base} with the client's time-outs bound to {@code deadline}: a send that waits for metadata or buffer
     * space ({@code max.block.ms}) and a record waiting for its acknowledgement ({@code delivery.timeout.ms}) both
     * give up within it, instead of after the clients' 60 s and 120 s, so a caller waiting for a burst learns of
     * an unreachable broker in time to answer. One request may take half of what is left after
     * {@code linger.ms}, leaving room for a retry.
     */
    public static Map<String, Object> withinDeadline(Map<String, Object> base, Duration deadline) {
        var props = new HashMap<>(base);
        long millis = deadline.toMillis();
        long linger = Long.parseLong(String.valueOf(props.getOrDefault(ProducerConfig.LINGER_MS_CONFIG, 5)));
        if (millis <= linger + 1) {
            throw new IllegalArgumentException("a publish deadline of " + deadline + " leaves no time past linger.ms");
        }
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.min(millis, Integer.MAX_VALUE));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(REQUEST_TIMEOUT_MS, (millis - linger) / 2));
        return props;
    }
}
