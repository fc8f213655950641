package io.evalify.api.compat;

import io.evalify.schemas.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The old evaluator's error shapes on its own paths: 422 {@code {"detail": [{type, loc, msg}]}} for a bad body (as
 * FastAPI answered) and {@code {"detail": "..."}} for the rest. Every other problem on these paths is RFC 9457
 * problem details, whose {@code detail} member is a string too.
 */
@RestControllerAdvice(assignableTypes = CompatController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CompatAdvice {

    @ExceptionHandler(CompatError.class)
    ResponseEntity<Map<String, Object>> onCompatError(CompatError error) {
        return ResponseEntity.status(error.status()).body(Map.of("detail", error.detail()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> onUnreadable(HttpMessageNotReadableException e) {
        return onCompatError(invalidBody(List.of(new FieldError("", FieldError.MALFORMED_JSON, "Field required"))));
    }

    /** 422 listing every field error in FastAPI's shape. */
    static CompatError invalidBody(List<FieldError> errors) {
        return new CompatError(
                HttpStatus.UNPROCESSABLE_CONTENT,
                errors.stream().map(CompatAdvice::fastApiError).toList());
    }

    private static Map<String, Object> fastApiError(FieldError error) {
        return Map.of("type", typeOf(error.keyword()), "loc", location(error.pointer()), "msg", error.message());
    }

    private static String typeOf(String keyword) {
        return switch (keyword) {
            case "required" -> "missing";
            case FieldError.MALFORMED_JSON -> "json_invalid";
            case "type" -> "type_error";
            default -> "value_error";
        };
    }

    /** {@code /student_ids/0} becomes {@code ["body", "student_ids", 0]}. */
    private static List<Object> location(String pointer) {
        var loc = new ArrayList<Object>(List.of("body"));
        if (pointer.isEmpty()) {
            return loc;
        }
        for (var token : pointer.substring(1).split("/", -1)) {
            var name = token.replace("~1", "/").replace("~0", "~");
            loc.add(name.matches("\\d{1,9}") ? (Object) Integer.valueOf(name) : name);
        }
        return loc;
    }
}
