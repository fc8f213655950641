package io.evalify.cli.command;

import io.evalify.cli.CliContext;
import io.evalify.cli.ExitCodes;
import io.evalify.cli.replay.BrokerTarget;
import io.evalify.cli.replay.TopicReplay;
import io.evalify.core.replay.ReplayRequest;
import io.evalify.core.replay.ReplayResult;
import io.evalify.core.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evalify replay}: publishes a range of a task or the dead-letter topic again to the task topic. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Publish a range of a task topic (the API's evalify.tasks.submitted.<lane>, evalify.tasks, a lane topic) "
                    + "or the dead-letter topic (evalify.tasks.dlt) again to evalify.tasks, as fresh first "
                    + "attempts, e.g. after a backend outage lost saves.",
            "Reads without a consumer group: the live consumer groups' offsets do not move.",
            "Exit code 0 when done, 2 for bad options, 3 if the broker cannot be reached."
        })
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--topic",
            required = true,
            paramLabel = "T",
            description = "Topic to read from: a submission topic (evalify.tasks.submitted.<lane>), evalify.tasks, "
                    + "a lane topic, or the dead-letter topic.")
    String topic;

    @ArgGroup(exclusive = true, multiplicity = "1")
    From from;

    @ArgGroup(exclusive = true)
    To to;

    @Option(names = "--partition", paramLabel = "P", description = "Only this partition (default: all).")
    Integer partition;

    @Option(names = "--job", paramLabel = "J", description = "Only records of this job.")
    String jobId;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: $" + BrokerTarget.ENV
                    + ", the running `evalify local`, or " + BrokerTarget.DEFAULT + ").")
    String bootstrapServers;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "PT10S",
            description = "Longest wait for any one broker call, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    private final CliContext context;

    /** Where to start: exactly one of offset or time. */
    static final class From {
        @Option(names = "--from-offset", paramLabel = "O", description = "First offset to replay, in each partition.")
        Long offset;

        @Option(names = "--from-time", paramLabel = "TS", description = "First record time (ISO-8601 instant).")
        Instant time;
    }

    /** Where to stop (default: the end of each partition when the replay starts). */
    static final class To {
        @Option(names = "--to-offset", paramLabel = "O", description = "Last offset to replay (inclusive).")
        Long offset;

        @Option(names = "--to-time", paramLabel = "TS", description = "Last record time (ISO-8601 instant, inclusive).")
        Instant time;
    }

    /** Created by picocli through {@code CliFactory}. */
    public ReplayCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        BrokerTarget broker = BrokerTarget.resolve(bootstrapServers, context, timeout);
        ReplayResult result = new TopicReplay(broker, Clock.systemUTC()).run(request());
        spec.commandLine().getOut().println(summary(result, broker));
        return ExitCodes.OK;
    }

    private ReplayRequest request() {
        return new ReplayRequest(
                topic,
                partition,
                from.offset,
                from.time,
                to == null ? null : to.offset,
                to == null ? null : to.time,
                jobId);
    }

    private String summary(ReplayResult r, BrokerTarget broker) {
        return String.format(
                "replay of %s%s%s on %s: read %d, republished %d to %s, skipped %d",
                topic,
                partition == null ? "" : " partition " + partition,
                jobId == null ? "" : " job " + jobId,
                broker.bootstrapServers(),
                r.read(),
                r.republished(),
                Topics.TASKS.name(),
                r.skipped());
    }
}
