package io.evalify.worker.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the router does when one of its stream threads dies of an exception no processor handled (a broker
 * unreachable for longer than {@code task.timeout.ms}, a bug): start a new thread in its place, which resumes
 * from the last committed offsets, so a passing outage does not stop routing for good. Kafka Streams' default
 * shuts the whole client down instead. Installed by {@link RouterRecovery}.
 *
 * <p>A thread that keeps dying is not transient: after {@code maxReplacements} within {@code window} the client
 * shuts down, its state becomes {@code ERROR}, and the worker reports itself broken (readiness and liveness
 * DOWN) so that the orchestrator restarts it rather than it spinning on the same failure.
 */
public final class RouterThreadPolicy implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RouterThreadPolicy.class);

    private final int maxReplacements;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> replacements = new ArrayDeque<>();
    private volatile Replacements total = new Replacements(0, null, null);

    /**
     * The threads this policy has replaced since the worker started, for health.
     *
     * @param count threads replaced
     * @param last when the last one was, or null
     * @param lastError what the last one died of, or null
     */
    public record Replacements(int count, Instant last, String lastError) {}

    /**
     * @param maxReplacements threads replaced within {@code window} before the client gives up; 0 never replaces
     * @param window how far back replacements count
     * @param clock the time source
     */
    public RouterThreadPolicy(int maxReplacements, Duration window, Clock clock) {
        if (maxReplacements < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("need maxReplacements >= 0 and a positive window");
        }
        this.maxReplacements = maxReplacements;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        Instant now = clock.instant();
        forgetBefore(now.minus(window));
        if (replacements.size() < maxReplacements) {
            replacements.addLast(now);
            total = new Replacements(total.count() + 1, now, describe(rootCause(exception)));
            log.error(
                    "router stream thread died ({} of {} replacements within {}); starting a new one",
                    replacements.size(),
                    maxReplacements,
                    window,
                    exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        log.error(
                "router stream thread died again after {} replacements within {}; shutting the router down",
                maxReplacements,
                window,
                exception);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /** The threads replaced so far. */
    public Replacements replacements() {
        return total;
    }

    private static Throwable rootCause(Throwable exception) {
        var cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private void forgetBefore(Instant cutoff) {
        while (!replacements.isEmpty() && replacements.peekFirst().isBefore(cutoff)) {
            replacements.removeFirst();
        }
    }
}
