package io.evalify.cli;

/** A bad option value noticed only while a command runs (e.g. a malformed URL). Exit code 2. */
public final class UsageException extends RuntimeException {

    /** Creates the exception with a message meant for the user. */
    public UsageException(String message) {
        super(message);
    }
}
