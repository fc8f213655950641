package io.evalify.api.callback;

import java.util.Base64;

/**
 * A callback signing secret in the Standard Webhooks form: {@code whsec_} and the base64 of 24 to 64 random bytes
 * (for example {@code echo "whsec_$(openssl rand -base64 32)"}). The HMAC key is the decoded bytes, which is what
 * every Standard Webhooks library does with such a secret, so a receiver can use one as it is.
 */
final class WebhookSecret {

    static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key;
    }

    /**
     * Parses a secret held in {@code property}.
     *
     * @throws IllegalArgumentException naming the property (never the value) when it is not in the expected form
     */
    static WebhookSecret parse(String property, String value) {
        var text = value == null ? "" : value.trim();
        if (!text.startsWith(PREFIX)) {
            throw invalid(property, "does not start with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw invalid(property, "is not base64 after " + PREFIX);
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw invalid(property, "decodes to " + key.length + " bytes");
        }
        return new WebhookSecret(key);
    }

    byte[] key() {
        return key.clone();
    }

    private static IllegalArgumentException invalid(String property, String reason) {
        return new IllegalArgumentException(property + " " + reason + ": it must be " + PREFIX + " and the base64 of "
                + MIN_BYTES + " to " + MAX_BYTES + " random bytes, e.g. whsec_$(openssl rand -base64 32)");
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return PREFIX + "****";
    }
}
