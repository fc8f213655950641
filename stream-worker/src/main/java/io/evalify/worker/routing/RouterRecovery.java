package io.evalify.worker.routing;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * Keeps the router alive through a stream thread's death ({@link RouterThreadPolicy}: a new thread resumes from
 * the committed offsets), and when the router gives up ({@code ERROR}), reports the worker broken: liveness
 * DOWN, so that the orchestrator restarts it instead of it running on without a router.
 */
final class RouterRecovery implements StreamsBuilderFactoryBeanConfigurer {

    private final RouterThreadPolicy policy;
    private final ApplicationEventPublisher events;

    /**
     * @param policy what to do with a stream thread that died
     * @param events where the liveness change is published
     */
    RouterRecovery(RouterThreadPolicy policy, ApplicationEventPublisher events) {
        this.policy = policy;
        this.events = events;
    }

    @Override
    public void configure(StreamsBuilderFactoryBean factory) {
        factory.setStreamsUncaughtExceptionHandler(policy);
        factory.setStateListener((next, previous) -> {
            if (next == KafkaStreams.State.ERROR) {
                AvailabilityChangeEvent.publish(events, factory, LivenessState.BROKEN);
            }
        });
    }
}
