package io.evalify.cli.api;

import io.evalify.schemas.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An RFC 9457 problem ({@code type, title, status, detail, errors}) as the API sends it, or one
 * synthesised from a non-JSON error body, with a readable multi-line rendering.
 *
 * @param type the problem type URI, or null
 * @param title short summary, e.g. "Not Found"
 * @param status the HTTP status
 * @param detail explanation of this occurrence, or null
 * @param errors per-field errors, e.g. "quiz_id: must not be blank"
 * @param extensions other members, e.g. the id of the job that a 409 clashes with ("name: value")
 */
public record ProblemDetails(
        String type, String title, int status, String detail, List<String> errors, List<String> extensions) {

    private static final Set<String> STANDARD_MEMBERS =
            Set.of("type", "title", "status", "detail", "instance", "errors");

    private static final int MAX_BODY_CHARS = 300;

    /** Parses an error response body; falls back to the body text when it is not a problem document. */
    public static ProblemDetails parse(int httpStatus, String body) {
        try {
            JsonNode node = Json.mapper().readTree(body == null ? "" : body);
            if (node != null && node.isObject()) {
                return fromJson(httpStatus, node);
            }
        } catch (JacksonException e) {
            // not JSON: fall through and show the text itself
        }
        return new ProblemDetails(null, reason(httpStatus), httpStatus, abbreviate(body), List.of(), List.of());
    }

    /** Reason phrases for the statuses an API answers most, for bodies that carry no title. */
    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> null;
        };
    }

    private static ProblemDetails fromJson(int httpStatus, JsonNode node) {
        return new ProblemDetails(
                text(node, "type"),
                text(node, "title"),
                node.path("status").asInt(httpStatus),
                firstText(node, "detail", "message", "error"),
                errors(node.path("errors")),
                extensions(node));
    }

    /** One line: {@code 404 Not Found: job abc does not exist}. */
    public String headline() {
        StringBuilder line = new StringBuilder().append(status);
        if (title != null) {
            line.append(' ').append(title);
        }
        if (detail != null) {
            line.append(": ").append(detail);
        }
        return line.toString();
    }

    /** The headline, then one indented line per field error, then the type when it is informative. */
    public String render() {
        StringBuilder out = new StringBuilder("API error ").append(headline());
        errors.forEach(e -> out.append(System.lineSeparator()).append("  - ").append(e));
        extensions.forEach(e -> out.append(System.lineSeparator()).append("  ").append(e));
        if (type != null && !type.equals("about:blank")) {
            out.append(System.lineSeparator()).append("  type: ").append(type);
        }
        return out.toString();
    }

    private static List<String> extensions(JsonNode node) {
        return node.properties().stream()
                .filter(p ->
                        !STANDARD_MEMBERS.contains(p.getKey()) && !p.getValue().isNull())
                .map(p -> p.getKey() + ": " + plain(p.getValue()))
                .toList();
    }

    private static List<String> errors(JsonNode errors) {
        List<String> lines = new ArrayList<>();
        if (errors.isArray()) {
            errors.forEach(e -> lines.add(errorLine(e)));
        } else if (errors.isObject()) {
            errors.properties().forEach(p -> lines.add(p.getKey() + ": " + plain(p.getValue())));
        }
        return List.copyOf(lines);
    }

    /** Accepts the common shapes: a string, or an object naming the field and the message. */
    private static String errorLine(JsonNode error) {
        if (!error.isObject()) {
            return plain(error);
        }
        String field = firstText(error, "field", "pointer", "name", "parameter", "property");
        String message = firstText(error, "detail", "message", "reason", "defaultMessage");
        if (message == null) {
            message = error.toString();
        }
        return field == null ? message : field + ": " + message;
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            String value = text(node, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : plain(value);
    }

    private static String plain(JsonNode value) {
        return value.isValueNode() ? value.asString() : value.toString();
    }

    private static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_BODY_CHARS ? flat : flat.substring(0, MAX_BODY_CHARS) + "...";
    }
}
