package io.evalify.cli.replay;

import io.evalify.cli.CliContext;
import io.evalify.cli.CurrentRun;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka broker a command talks to, with time-outs short enough that an unreachable broker is
 * reported within seconds instead of the clients' default minutes.
 *
 * @param bootstrapServers {@code host:port[,host:port...]}
 * @param timeout longest wait of any one client call
 */
public record BrokerTarget(String bootstrapServers, Duration timeout) {

    /** Environment variable naming the bootstrap servers. */
    public static final String ENV = "EVALIFY_KAFKA_BOOTSTRAP_SERVERS";

    /** The broker used when nothing else says otherwise. */
    public static final String DEFAULT = "127.0.0.1:9092";

    /** The option when given, then {@value #ENV}, then a running {@code evalify local}, then {@value #DEFAULT}. */
    public static BrokerTarget resolve(String option, CliContext context, Duration timeout) {
        String servers = Optional.ofNullable(option)
                .or(() -> context.envValue(ENV))
                .or(() -> CurrentRun.readLive(context.localRoot()).map(CurrentRun::bootstrapServers))
                .orElse(DEFAULT);
        return new BrokerTarget(servers, timeout);
    }

    /** Client properties shared by the admin client, the consumer and the producer. */
    public Map<String, Object> clientProperties() {
        int millis = Math.toIntExact(timeout.toMillis());
        return Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis,
                CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, millis,
                // must be at least linger.ms + request.timeout.ms
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis + 5_000);
    }
}
