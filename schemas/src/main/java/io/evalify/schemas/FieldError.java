package io.evalify.schemas;

/**
 * One reason a JSON document does not match its schema.
 *
 * @param pointer JSON Pointer (RFC 6901) of the offending field, e.g. {@code /filters/student_ids/0};
 *     for a missing or unexpected property it points at that property; {@code ""} is the whole document
 * @param keyword the schema keyword that failed, e.g. {@code required}, {@code type}, {@code maxLength};
 *     {@code json} when the text is not JSON at all
 * @param message a human-readable explanation
 */
public record FieldError(String pointer, String keyword, String message) {

    /** Keyword of the error reported for text that is not well-formed JSON. */
    public static final String MALFORMED_JSON = "json";
}
