package io.evalify.cli;

import io.evalify.cli.api.ApiException;
import io.evalify.cli.api.ApiUnreachableException;
import io.evalify.cli.progress.WatchTimeoutException;
import io.evalify.cli.replay.BrokerUnreachableException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns the exceptions a command may end with into one readable message and an exit code. */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        int code = report(e, err);
        err.flush();
        return code;
    }

    private static int report(Exception e, PrintWriter err) {
        return switch (e) {
            case ApiException api -> print(err, api.problem().render(), ExitCodes.API_ERROR);
            case ApiUnreachableException unreachable ->
                print(err, "error: " + unreachable.getMessage(), ExitCodes.API_UNREACHABLE);
            case BrokerUnreachableException broker ->
                print(err, "error: " + broker.getMessage(), ExitCodes.API_UNREACHABLE);
            case UsageException usage -> print(err, "error: " + usage.getMessage(), ExitCodes.USAGE);
            case CommandException failure -> print(err, "error: " + failure.getMessage(), failure.exitCode());
            case WatchTimeoutException timeout ->
                print(err, "error: " + timeout.getMessage(), ExitCodes.JOB_NOT_COMPLETED);
            default -> unexpected(e, err);
        };
    }

    private static int print(PrintWriter err, String message, int code) {
        err.println(message);
        return code;
    }

    /** A bug or an environment problem: show the exception and its causes, which a bug report needs. */
    private static int unexpected(Exception e, PrintWriter err) {
        err.println("error: unexpected " + e);
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            err.println("  caused by: " + cause);
        }
        return ExitCodes.JOB_NOT_COMPLETED;
    }
}
