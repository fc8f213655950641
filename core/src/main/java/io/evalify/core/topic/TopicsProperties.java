package io.evalify.core.topic;

import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.config.TopicBuilder;

/**
 * How our topics are created ({@code evalify.topics.*}). Both the API and the worker declare them, so
 * whichever starts first creates them and a fresh broker never leaves Kafka Streams without its sources.
 *
 * @param partitions partitions of every task topic: the most worker instances a lane can spread over
 * @param replicationFactor replicas per partition (3 on a production cluster)
 */
@ConfigurationProperties("evalify.topics")
public record TopicsProperties(
        @DefaultValue("12") int partitions,
        @DefaultValue("1") short replicationFactor) {

    /** One declaration per topic of the registry. */
    public List<NewTopic> declarations() {
        return Topics.all().stream()
                .map(topic -> TopicBuilder.name(topic.name())
                        .partitions(partitions)
                        .replicas(replicationFactor)
                        .build())
                .toList();
    }
}
