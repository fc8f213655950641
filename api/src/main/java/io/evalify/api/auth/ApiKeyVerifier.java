package io.evalify.api.auth;

import io.evalify.api.config.ApiProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether an API key is valid: the API's header check and the dashboard's sign-in
 * both ask it.
 */
@Component
public class ApiKeyVerifier {

    /** The name logged for the single configured key. */
    public static final String DEFAULT_KEY_NAME = "api";

    private final byte[] expectedDigest;

    ApiKeyVerifier(ApiProperties properties) {
        this.expectedDigest = digest(properties.apiKey());
    }

    /**
     * The name of the key {@code presented} is, or empty when it is no valid key. Digests are compared, so neither
     * the content nor the length of the key leaks through timing.
     */
    public Optional<String> verify(String presented) {
        if (presented == null || !MessageDigest.isEqual(expectedDigest, digest(presented))) {
            return Optional.empty();
        }
        return Optional.of(DEFAULT_KEY_NAME);
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
