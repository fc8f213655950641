package io.evalify.cli;

/**
 * A failure a command reports as one line on stderr with its own exit code; commands outside this module
 * (the local stack, the bench) extend it, so the shared {@code ErrorHandler} needs to know none of them.
 */
public class CommandException extends RuntimeException {

    private final int exitCode;

    /** A failure with a message meant for the user and the process exit code it maps to. */
    protected CommandException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The process exit code this failure maps to. */
    public int exitCode() {
        return exitCode;
    }
}
