package io.evalify.cli.api;

/** Keeps API keys out of terminal output and logs. */
public final class Secrets {

    private Secrets() {}

    /** Shows at most the last 4 characters of a key, and nothing of a short one. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "<none>";
        }
        return secret.length() < 12 ? "****" : "****" + secret.substring(secret.length() - 4);
    }
}
