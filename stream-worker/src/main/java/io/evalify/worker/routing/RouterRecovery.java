package io.evalify.worker.routing;

import java.time.Clock;
import java.time.Duration;
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

    private final int maxReplacements;
    private final Duration window;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /**
     * @param maxReplacements stream threads replaced within {@code window} before the router gives up
     * @param window how far back replacements count
     * @param clock the time source
     * @param events where the liveness change is published
     */
    RouterRecovery(int maxReplacements, Duration window, Clock clock, ApplicationEventPublisher events) {
        this.maxReplacements = maxReplacements;
        this.window = window;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public void configure(StreamsBuilderFactoryBean factory) {
        factory.setStreamsUncaughtExceptionHandler(new RouterThreadPolicy(maxReplacements, window, clock));
        factory.setStateListener((next, previous) -> {
            if (next == KafkaStreams.State.ERROR) {
                AvailabilityChangeEvent.publish(events, factory, LivenessState.BROKEN);
            }
        });
    }
}
