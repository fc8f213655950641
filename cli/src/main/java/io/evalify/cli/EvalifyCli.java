package io.evalify.cli;

import io.evalify.cli.command.CancelCommand;
import io.evalify.cli.command.FailuresCommand;
import io.evalify.cli.command.ReplayCommand;
import io.evalify.cli.command.RetryFailedCommand;
import io.evalify.cli.command.StatusCommand;
import io.evalify.cli.command.SubmitCommand;
import io.evalify.cli.command.WatchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code evalify} command: entry point of the operator's jar. The {@code ./evalify} script runs
 * {@code local}, {@code bench} and {@code test} from their own jars (or Maven); they are listed here
 * too, so that {@code ./evalify --help} names every command.
 */
@Command(
        name = "evalify",
        mixinStandardHelpOptions = true,
        version = "evalify 0.1.0-SNAPSHOT",
        description = "Run, submit and follow Evalify evaluation jobs.",
        subcommands = {
            SubmitCommand.class,
            StatusCommand.class,
            WatchCommand.class,
            CancelCommand.class,
            FailuresCommand.class,
            RetryFailedCommand.class,
            ReplayCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:OK (for job commands: the job COMPLETED, or is still running)",
            "1:The job ended FAILED, CANCELLED, EXPIRED or COMPLETED_WITH_ERRORS",
            "2:Bad usage",
            "3:Cannot reach the API or the Kafka broker (for local and bench: the stack did not start)",
            "4:The API answered with an error"
        })
public final class EvalifyCli implements Runnable {

    @Spec
    CommandSpec spec;

    /** Without a command there is nothing to do: show the usage. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }

    /** Runs the CLI and exits with the command's exit code. */
    public static void main(String[] args) {
        System.exit(commandLine(CliContext.fromSystem()).execute(args));
    }

    /** The configured command line; tests call this with their own context and writers. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine commandLine = configure(new CommandLine(new EvalifyCli(), new CliFactory(context)));
        LauncherCommands.addTo(commandLine);
        return commandLine.addSubcommand(new CommandLine.HelpCommand());
    }

    /**
     * The command line of a command that runs from its own jar ({@code local}, {@code bench}), with the same
     * factory, error handling and exit codes as this one; its usage reads {@code evalify <name>}.
     */
    public static CommandLine standalone(String name, Object command, CliContext context) {
        return configure(new CommandLine(command, new CliFactory(context))).setCommandName("evalify " + name);
    }

    private static CommandLine configure(CommandLine commandLine) {
        return commandLine.setExecutionExceptionHandler(new ErrorHandler()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
