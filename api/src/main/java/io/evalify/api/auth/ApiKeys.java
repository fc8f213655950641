package io.evalify.api.auth;

import io.evalify.api.config.ApiProperties;
import io.evalify.core.security.NamedKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The API keys callers may present, each with a name for the logs: {@code evalify.api.api-key} is named
 * {@value #PRIMARY}, and {@code evalify.api.api-keys.<name>} adds more, so a key can be rotated without downtime
 * (add the new one, move the callers, remove the old one). The one place that checks a presented key, for every
 * way a key arrives (header, bearer token, a browser sign-in).
 */
@Component
public class ApiKeys {

    /** Name of the key in {@code evalify.api.api-key}. */
    public static final String PRIMARY = "primary";

    private final NamedKeys keys;

    ApiKeys(ApiProperties properties) {
        var byName = new LinkedHashMap<String, String>();
        byName.put(PRIMARY, properties.apiKey());
        byName.putAll(properties.apiKeys());
        keys = NamedKeys.of(byName);
    }

    /** Every configured key by its property, for the startup checks (values never leave this class otherwise). */
    static Map<String, String> configured(ApiProperties properties) {
        var all = new LinkedHashMap<String, String>();
        all.put("evalify.api.api-key", properties.apiKey());
        // An empty named key is no key (compose passes an unset variable as empty): nothing to refuse.
        properties.apiKeys().forEach((name, key) -> {
            if (key != null && !key.isEmpty()) {
                all.put("evalify.api.api-keys." + name, key);
            }
        });
        return all;
    }

    /** The name of the key {@code presented} is, or empty when it is no valid key (compared in constant time). */
    public Optional<String> verify(String presented) {
        return keys.verify(presented);
    }
}
