package io.evalify.worker.management;

import io.evalify.core.backend.BackendProperties;
import io.evalify.core.security.SecretRules;
import org.springframework.core.env.Environment;

/**
 * Refuses to start the worker with a secret anyone could guess (blank, a default such as {@code api_key}, or
 * short): the backend key it sends, and every management key that is set (none set keeps the management
 * endpoints closed, which is safe). The LLM's key is the provider's to judge, and a local model may need none.
 * The {@code local} and {@code test} profiles are exempt.
 */
final class WorkerSecretsCheck {

    private WorkerSecretsCheck() {}

    /** Throws {@code InsecureConfigurationException} naming the first unfit secret's property. */
    static void require(Environment environment, BackendProperties backend, ManagementProperties management) {
        SecretRules.require(environment, "evalify.backend.api-key", backend.apiKey());
        if (!management.key().isEmpty()) {
            SecretRules.require(environment, "evalify.worker.management.key", management.key());
        }
        management
                .keys()
                .forEach(
                        (name, key) -> SecretRules.require(environment, "evalify.worker.management.keys." + name, key));
    }
}
