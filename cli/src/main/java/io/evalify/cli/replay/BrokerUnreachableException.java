package io.evalify.cli.replay;

/** The Kafka broker did not answer in time. Exit code 3, like an unreachable API. */
public final class BrokerUnreachableException extends RuntimeException {

    /** Creates the exception for {@code bootstrapServers}. */
    public BrokerUnreachableException(String bootstrapServers, Throwable cause) {
        super("cannot reach the Kafka broker at " + bootstrapServers + " (" + describe(cause) + ")", cause);
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() != null
                ? cause.getMessage()
                : cause.getClass().getSimpleName();
    }
}
