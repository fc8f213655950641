package io.evalify.grading.llm;

import com.openai.core.http.Headers;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIServiceException;
import io.evalify.grading.RemoteCallException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Maps SDK failures to {@link RemoteCallException}, keeping the server's Retry-After. No bodies or keys in messages. */
final class SdkErrors {

    private static final String REMOTE = "llm";

    private SdkErrors() {}

    static RemoteCallException fromStatus(OpenAIServiceException e) {
        int status = e.statusCode();
        boolean retryable = RemoteCallException.isRetryableStatus(status) || status == 409;
        String message = "LLM call failed with HTTP " + status + " after the SDK's retries";
        return new RemoteCallException(REMOTE, status, retryable, retryAfter(e.headers()), message, e);
    }

    static RemoteCallException fromTransport(OpenAIException e) {
        String message = "LLM call failed without a response: " + e.getClass().getSimpleName();
        return new RemoteCallException(REMOTE, 0, true, null, message, e);
    }

    /** Reads {@code retry-after-ms}, else {@code retry-after} (seconds or an HTTP date); null when absent or odd. */
    static Duration retryAfter(Headers headers) {
        String millis = first(headers.values("retry-after-ms"));
        if (millis != null && millis.matches("\\d+(\\.\\d+)?")) {
            return Duration.ofMillis((long) Double.parseDouble(millis));
        }
        return parseRetryAfter(first(headers.values("retry-after")));
    }

    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.trim().matches("\\d+(\\.\\d+)?")) {
            return Duration.ofMillis((long) (Double.parseDouble(value.trim()) * 1000));
        }
        return untilDate(value.trim());
    }

    private static Duration untilDate(String value) {
        try {
            Duration wait = Duration.between(
                    ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null; // an unreadable Retry-After is the same as none
        }
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
