package io.evalify.api.auth;

import io.evalify.api.config.ApiProperties;
import io.evalify.core.backend.BackendProperties;
import io.evalify.core.security.SecretRules;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the API with a secret anyone could guess (blank, a default such as {@code api_key}, or short):
 * every caller key, the backend key it sends, and the callback signing secret once callbacks are allowed. Runs
 * while the context starts, before the server accepts a request; the {@code local} and {@code test} profiles
 * are exempt.
 */
@Component
class SecretsCheck {

    SecretsCheck(Environment environment, ApiProperties api, BackendProperties backend) {
        ApiKeys.configured(api).forEach((property, key) -> SecretRules.require(environment, property, key));
        SecretRules.require(environment, "evalify.backend.api-key", backend.apiKey());
        if (!api.callback().allowedHosts().isEmpty()) {
            SecretRules.require(environment, "evalify.api.callback-secret", api.callbackSecret());
        }
    }
}
