package io.evalify.core.security;

/** A service was about to start with a secret anyone could guess. The message names the property, never its value. */
public class InsecureConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String property;

    /** {@code property} {@code reason}, e.g. "evalify.api.api-key is a well-known default". */
    public InsecureConfigurationException(String property, String reason) {
        super(property + " " + reason + ": set it to a random secret of at least " + SecretRules.MIN_LENGTH
                + " characters (outside the local and test profiles the service refuses to start without one)");
        this.property = property;
    }

    /** The property to fix. */
    public String property() {
        return property;
    }
}
