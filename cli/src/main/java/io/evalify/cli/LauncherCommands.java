package io.evalify.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The commands the {@code ./evalify} script runs outside this jar: {@code local} (the local-stack jar),
 * {@code bench} (the bench jar) and {@code test} (Maven). They appear in this jar's help; run here, they
 * say where they live instead.
 */
final class LauncherCommands {

    private static final Map<String, String> COMMANDS = descriptions();

    private LauncherCommands() {}

    /** Adds one entry per launcher command to {@code commandLine}'s subcommands. */
    static void addTo(CommandLine commandLine) {
        COMMANDS.forEach((name, description) -> {
            CommandSpec spec = CommandSpec.wrapWithoutInspection((Runnable) () -> {
                throw new UsageException(
                        "'" + name + "' is run by the ./evalify script: ./evalify " + name + " --help");
            });
            spec.usageMessage().description(description);
            commandLine.addSubcommand(name, spec);
        });
    }

    private static Map<String, String> descriptions() {
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put(
                "local",
                "Run the whole system on this machine (Kafka, Redis, fakes, API, worker) with a demo job "
                        + "(./evalify local --help).");
        commands.put("bench", "Run the benchmark scenarios against a local stack (./evalify bench --help).");
        commands.put("test", "Run every test: ./mvnw -B verify with a JDK 21+ (./evalify test --help).");
        return commands;
    }
}
