package io.evalify.cli.api;

import java.net.URI;

/** The API did not answer at all: connection refused, timeout, DNS. Exit code 3. */
public final class ApiUnreachableException extends RuntimeException {

    /** Creates the exception for {@code url}, keeping the I/O cause. */
    public ApiUnreachableException(URI url, Throwable cause) {
        super("cannot reach the Evalify API at " + url + " (" + describe(cause) + ")", cause);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank()
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + message;
    }
}
