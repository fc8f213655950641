package io.evalify.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evalify bench}: benchmark scenarios against the local stack. Options only, for now. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {"Run a benchmark scenario against a local stack (not implemented yet)."})
public final class BenchCommand implements Callable<Integer> {

    /** The benchmark scenarios. */
    public enum Scenario {
        S1,
        S2,
        S3,
        S4,
        S5
    }

    @Spec
    CommandSpec spec;

    @Option(
            names = "--scenario",
            paramLabel = "S",
            description = "Scenario to run: ${COMPLETION-CANDIDATES} (default: all).")
    Scenario scenario;

    @Override
    public Integer call() {
        return ReplayCommand.NotImplemented.report(spec.commandLine().getErr(), spec.name());
    }
}
