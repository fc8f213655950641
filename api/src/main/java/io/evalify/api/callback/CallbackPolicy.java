package io.evalify.api.callback;

import io.evalify.api.config.ApiProperties;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Which {@code callback_url}s the service POSTs to: only those whose host and port the operator listed in
 * {@code evalify.api.callback.allowed-hosts}. Without it any caller holding the API key could make the service
 * send requests to internal addresses (SSRF). An entry without a port allows only the scheme's own (443 for https,
 * 80 for http), so an allowed host's other services ({@code :6379}, {@code :9092}) stay out of reach;
 * {@code host:port} allows that port as well. Checked when a job is submitted (422) and again before each delivery,
 * in case the list changed in between.
 */
@Component
public class CallbackPolicy {

    private final List<Entry> entries;

    /** A policy over {@code evalify.api.callback.allowed-hosts}. */
    public CallbackPolicy(ApiProperties properties) {
        this.entries =
                properties.callback().allowedHosts().stream().map(Entry::parse).toList();
    }

    /**
     * True when {@code url} parses, is http or https, and names an allowed host on an allowed port;
     * {@code *.example.edu} does not allow the apex.
     */
    public boolean allows(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int standard = switch (scheme) {
            case "https" -> 443;
            case "http" -> 80;
            default -> -1;
        };
        if (uri.getHost() == null || standard < 0) {
            return false;
        }
        var host = normalize(uri.getHost());
        int port = uri.getPort() < 0 ? standard : uri.getPort();
        return entries.stream().anyMatch(e -> e.matches(host, port, standard));
    }

    /** Lower case, no trailing dot, IPv6 literals without brackets: the forms a host can be written in. */
    private static String normalize(String host) {
        var name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /**
     * One allowed host: an exact name or IP literal, or {@code *.suffix}; with the one extra port it allows, or -1.
     */
    private record Entry(String host, boolean wildcard, int port) {

        static Entry parse(String entry) {
            var text = entry.trim();
            int port = -1;
            int colon = text.lastIndexOf(':');
            // A port follows the last colon unless the colon belongs to a bare IPv6 literal (no brackets).
            boolean bareIpv6 = text.indexOf(':') != colon && !text.startsWith("[");
            if (colon > 0 && !bareIpv6 && !text.endsWith("]")) {
                port = port(entry, text.substring(colon + 1));
                text = text.substring(0, colon);
            }
            var host = normalize(text);
            return host.startsWith("*.") ? new Entry(host.substring(1), true, port) : new Entry(host, false, port);
        }

        boolean matches(String name, int urlPort, int standard) {
            boolean hostMatches = wildcard ? name.endsWith(host) : name.equals(host);
            return hostMatches && (urlPort == standard || urlPort == port);
        }

        private static int port(String entry, String digits) {
            try {
                int port = Integer.parseInt(digits);
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(
                    "evalify.api.callback.allowed-hosts: '" + entry + "' has no valid port after its last ':'");
        }
    }
}
