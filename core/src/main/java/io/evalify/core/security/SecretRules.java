package io.evalify.core.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * What a shared secret must be before a service starts with it: not blank, not a well-known default (the
 * {@code api_key} every example uses), at least {@link #MIN_LENGTH} characters. Enforced outside the
 * {@code local} and {@code test} profiles, where the defaults keep a developer's first run short.
 */
public final class SecretRules {

    /** Shortest secret accepted: 16 characters (e.g. {@code openssl rand -hex 32} gives 64). */
    public static final int MIN_LENGTH = 16;

    /** Profiles in which default and short secrets are allowed. */
    public static final Profiles RELAXED = Profiles.of("local", "test");

    private static final Set<String> KNOWN_DEFAULTS =
            Set.of("api_key", "evalify_api_key", "changeme", "change-me", "change_me", "secret", "password", "test");

    private SecretRules() {}

    /**
     * Refuses to go on with an unfit secret outside the relaxed profiles.
     *
     * @param property the property that holds it, named in the error
     * @throws InsecureConfigurationException when the secret is blank, a known default or too short
     */
    public static void require(Environment environment, String property, String value) {
        if (environment.acceptsProfiles(RELAXED)) {
            return;
        }
        problem(value).ifPresent(reason -> {
            throw new InsecureConfigurationException(property, reason);
        });
    }

    /** Why {@code value} is not fit to be a secret, if it is not. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("is blank");
        }
        if (KNOWN_DEFAULTS.contains(value.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of("is a well-known default");
        }
        if (value.length() < MIN_LENGTH) {
            return Optional.of("is shorter than " + MIN_LENGTH + " characters");
        }
        return Optional.empty();
    }
}
