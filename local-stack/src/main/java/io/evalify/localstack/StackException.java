package io.evalify.localstack;

import io.evalify.cli.CommandException;
import io.evalify.cli.ExitCodes;

/** The local stack could not start, or one of its processes died. */
public final class StackException extends CommandException {

    /** A failure to start (exit code 3: the API cannot be reached). */
    public static StackException startFailed(String message) {
        return new StackException(message, ExitCodes.API_UNREACHABLE);
    }

    /** A child that died while the stack was running (exit code 1). */
    public static StackException childDied(String message) {
        return new StackException(message, ExitCodes.JOB_NOT_COMPLETED);
    }

    private StackException(String message, int exitCode) {
        super(message, exitCode);
    }
}
