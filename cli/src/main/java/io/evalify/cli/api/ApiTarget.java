package io.evalify.cli.api;

import java.net.URI;

/**
 * Which API to talk to and with which key.
 *
 * @param baseUrl the API root, e.g. {@code http://127.0.0.1:8080}
 * @param apiKey the value of the {@code API_KEY} header, or null to send none
 */
public record ApiTarget(URI baseUrl, String apiKey) {

    /** Removes a trailing slash so that paths can be appended. */
    public ApiTarget {
        String url = baseUrl.toString();
        baseUrl = url.endsWith("/") ? URI.create(url.substring(0, url.length() - 1)) : baseUrl;
    }

    /** Never prints the key itself. */
    @Override
    public String toString() {
        return baseUrl + " (API_KEY " + Secrets.mask(apiKey) + ")";
    }
}
