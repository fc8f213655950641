package io.evalify.cli.command;

import io.evalify.cli.ExitCodes;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evalify replay}: re-publishes records of a topic range. Options only, for now. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {"Replay records of a topic from an offset or a time (not implemented yet)."})
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--topic", required = true, paramLabel = "T", description = "Topic to read from.")
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
            defaultValue = "${env:EVALIFY_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (default: $EVALIFY_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE}).")
    String bootstrapServers;

    /** Where to start: exactly one of offset or time. */
    static final class From {
        @Option(names = "--from-offset", paramLabel = "O", description = "First offset to replay.")
        Long offset;

        @Option(names = "--from-time", paramLabel = "TS", description = "First record time (ISO-8601 instant).")
        Instant time;
    }

    /** Where to stop (default: the current end). */
    static final class To {
        @Option(names = "--to-offset", paramLabel = "O", description = "Last offset to replay (inclusive).")
        Long offset;

        @Option(names = "--to-time", paramLabel = "TS", description = "Last record time (ISO-8601 instant).")
        Instant time;
    }

    @Override
    public Integer call() {
        return NotImplemented.report(spec.commandLine().getErr(), spec.name());
    }

    /** The shared answer of commands whose options exist but whose behaviour does not yet. */
    static final class NotImplemented {
        private NotImplemented() {}

        static int report(PrintWriter err, String command) {
            err.printf("evalify %s: not implemented yet%n", command);
            return ExitCodes.USAGE;
        }
    }
}
