package io.evalify.fakes.common;

import com.sun.net.httpserver.HttpExchange;
import io.evalify.schemas.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One request/response pair with the few helpers the fakes need: the body read once, query
 * parameters, and JSON replies written with the shared mapper.
 */
public final class FakeExchange {

    private final HttpExchange raw;
    private byte[] body;
    private int status = -1;

    FakeExchange(HttpExchange raw) {
        this.raw = raw;
    }

    /** Upper-case HTTP method. */
    public String method() {
        return raw.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    /** Decoded request path without the query. */
    public String path() {
        return raw.getRequestURI().getPath();
    }

    /** First value of a request header, if present (names are case-insensitive). */
    public Optional<String> header(String name) {
        return Optional.ofNullable(raw.getRequestHeaders().getFirst(name));
    }

    /**
     * Request headers with the given names left out (used to keep secrets out of recordings).
     * Names are lower-cased.
     */
    public Map<String, List<String>> headersWithout(String... secretNames) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        raw.getRequestHeaders().forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        for (String secret : secretNames) {
            copy.remove(secret.toLowerCase(Locale.ROOT));
        }
        return copy;
    }

    /** A query parameter's raw value (no decoding needed for the flags the fakes read). */
    public Optional<String> query(String name) {
        String query = raw.getRequestURI().getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return Optional.empty();
    }

    /** The request body as bytes, read once. */
    public byte[] body() throws IOException {
        if (body == null) {
            body = raw.getRequestBody().readAllBytes();
        }
        return body;
    }

    /** The request body as UTF-8 text. */
    public String bodyText() throws IOException {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** The body parsed as JSON, or empty when it is not JSON at all. */
    public Optional<JsonNode> bodyJson() throws IOException {
        byte[] bytes = body();
        if (bytes.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readTree(bytes));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** Adds a response header; call before replying. */
    public FakeExchange responseHeader(String name, String value) {
        raw.getResponseHeaders().add(name, value);
        return this;
    }

    /** Replies with {@code value} serialised as JSON. */
    public void reply(int status, Object value) throws IOException {
        replyRaw(status, Json.mapper().writeValueAsBytes(value), "application/json");
    }

    /** Replies with bytes as they are. */
    public void replyRaw(int status, byte[] bytes, String contentType) throws IOException {
        replyRaw(status, List.of(bytes), contentType);
    }

    /** Replies with the parts written one after another, without joining them into one array first. */
    public void replyRaw(int status, List<byte[]> parts, String contentType) throws IOException {
        this.status = status;
        long length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        raw.getResponseHeaders().set("Content-Type", contentType);
        raw.sendResponseHeaders(status, length == 0 ? -1 : length);
        try (OutputStream out = raw.getResponseBody()) {
            for (byte[] part : parts) {
                out.write(part);
            }
        }
    }

    /** Status sent so far, or -1 before a reply. */
    public int status() {
        return status;
    }

    void replyQuietly(int status, Object value) {
        if (this.status >= 0) {
            return;
        }
        try {
            reply(status, value);
        } catch (IOException | RuntimeException ignored) {
            // The client is gone or headers were already sent; nothing more can be said to it.
        }
    }
}
