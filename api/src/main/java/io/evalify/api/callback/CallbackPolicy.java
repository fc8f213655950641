package io.evalify.api.callback;

import io.evalify.api.config.ApiProperties;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Which {@code callback_url}s the service POSTs to: only those whose host the operator listed in
 * {@code evalify.api.callback.allowed-hosts}. Without it any caller holding the API key could make the service
 * send requests to internal addresses (SSRF). Checked when a job is submitted (422) and again before each delivery,
 * in case the list changed in between.
 */
@Component
public class CallbackPolicy {

    private final List<String> exact;
    private final List<String> suffixes;

    /** A policy over {@code evalify.api.callback.allowed-hosts}. */
    public CallbackPolicy(ApiProperties properties) {
        var hosts = properties.callback().allowedHosts().stream()
                .map(CallbackPolicy::normalize)
                .toList();
        this.exact = hosts.stream().filter(h -> !h.startsWith("*.")).toList();
        this.suffixes = hosts.stream()
                .filter(h -> h.startsWith("*."))
                .map(h -> h.substring(1))
                .toList();
    }

    /** True when {@code url} parses and names an allowed host; {@code *.example.edu} does not allow the apex. */
    public boolean allows(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        var name = normalize(host);
        return exact.contains(name) || suffixes.stream().anyMatch(name::endsWith);
    }

    /** Lower case, no trailing dot, IPv6 literals without brackets: the forms a host can be written in. */
    private static String normalize(String host) {
        var name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
