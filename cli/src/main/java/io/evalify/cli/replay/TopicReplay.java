package io.evalify.cli.replay;

import io.evalify.cli.UsageException;
import io.evalify.core.replay.ReplayRequest;
import io.evalify.core.replay.ReplayResult;
import io.evalify.core.replay.Replayer;
import io.evalify.core.topic.Topic;
import io.evalify.core.topic.Topics;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Checks a replay request against the broker (the topic and partition exist, the broker answers), then hands
 * it to core's {@link Replayer}, which reads without a consumer group and so never moves a live group's
 * offsets.
 */
public final class TopicReplay {

    private final BrokerTarget broker;
    private final Clock clock;

    /** A replay against {@code broker}. */
    public TopicReplay(BrokerTarget broker, Clock clock) {
        this.broker = broker;
        this.clock = clock;
    }

    /** The names of the topics a replay may read: the task topic, the lanes, retries and dead letters. */
    public static List<String> replayableTopics() {
        return Topics.all().stream().map(Topic::name).toList();
    }

    /** Runs the replay; throws {@link UsageException} for a bad topic or partition. */
    public ReplayResult run(ReplayRequest request) {
        if (!replayableTopics().contains(request.topic())) {
            throw new UsageException(
                    "cannot replay topic '" + request.topic() + "': expected one of " + replayableTopics());
        }
        checkPartition(request, describe(request.topic()));
        try {
            return new Replayer(broker.clientProperties(), clock).replay(request);
        } catch (TimeoutException e) {
            throw new BrokerUnreachableException(broker.bootstrapServers(), e);
        } catch (IllegalStateException e) {
            throw e.getCause() instanceof TimeoutException timeout
                    ? new BrokerUnreachableException(broker.bootstrapServers(), timeout)
                    : e;
        }
    }

    private TopicDescription describe(String topic) {
        try (Admin admin = Admin.create(broker.clientProperties())) {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(broker.timeout().toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new UsageException("topic '" + topic + "' does not exist on " + broker.bootstrapServers());
            }
            if (e.getCause() instanceof TimeoutException) {
                throw new BrokerUnreachableException(broker.bootstrapServers(), e.getCause());
            }
            throw new IllegalStateException("describing topic " + topic + " failed", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new BrokerUnreachableException(broker.bootstrapServers(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnreachableException(broker.bootstrapServers(), e);
        }
    }

    private static void checkPartition(ReplayRequest request, TopicDescription topic) {
        int count = topic.partitions().size();
        if (request.partition() != null && (request.partition() < 0 || request.partition() >= count)) {
            throw new UsageException("topic '" + request.topic() + "' has partitions 0.." + (count - 1) + ", not "
                    + request.partition());
        }
    }
}
