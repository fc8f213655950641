package io.evalify.api.web;

import io.evalify.core.job.IllegalJobStateChangeException;
import io.evalify.core.job.JobNotFoundException;
import io.evalify.schemas.FieldError;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into RFC 9457 problem details. Spring's own client errors (415, 405, 406, 404 for an unknown
 * path, an unreadable body, a bad parameter or header) come through {@link ResponseEntityExceptionHandler} and get
 * our type URIs here; ours come through {@link ApiProblem}; Redis being down is a 503; anything else is a 500
 * whose detail does not leak internals.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final String TYPE_BASE = "https://evalify.io/problems/";

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> onApiProblem(ApiProblem problem) {
        var body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setType(problem.type());
        body.setTitle(problem.title());
        if (!problem.errors().isEmpty()) {
            body.setProperty("errors", errorMembers(problem.errors()));
        }
        if (problem.extra() instanceof Map<?, ?> extra) {
            extra.forEach((k, v) -> body.setProperty(String.valueOf(k), v));
        }
        var response = ResponseEntity.status(problem.status());
        if (problem.retryAfter() != null) {
            response.header(
                    HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfter().toSeconds()));
        }
        return response.body(withCorrelationId(body));
    }

    @ExceptionHandler(JobNotFoundException.class)
    ResponseEntity<ProblemDetail> onJobNotFound(JobNotFoundException e) {
        return onApiProblem(ApiProblem.jobNotFound(e.getMessage().replace("No job ", "")));
    }

    @ExceptionHandler(IllegalJobStateChangeException.class)
    ResponseEntity<ProblemDetail> onIllegalChange(IllegalJobStateChangeException e) {
        return onApiProblem(ApiProblem.conflict(
                "illegal-state-change",
                "Not allowed in the job's status",
                e.getMessage(),
                Map.of("job_id", e.jobId(), "job_status", e.from().name())));
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> onStoreUnavailable(DataAccessException e) {
        log.error("Redis is unavailable: {}", e.getMessage());
        return onApiProblem(
                ApiProblem.storeUnavailable("The job store (Redis) did not answer; try again later.", null));
    }

    /** A Kafka failure no service mapped itself: the broker is unavailable, never a 500. */
    @ExceptionHandler({KafkaException.class, org.springframework.kafka.KafkaException.class})
    ResponseEntity<ProblemDetail> onBrokerUnavailable(RuntimeException e) {
        log.error("Kafka is unavailable: {}", e.getMessage());
        return onApiProblem(ApiProblem.brokerUnavailable(
                "Message broker unavailable", "Kafka did not answer; try again later.", null));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> onUnexpected(Exception e) {
        log.error("Unexpected error", e);
        var body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "An internal error occurred.");
        body.setType(URI.create(TYPE_BASE + "internal-error"));
        body.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(withCorrelationId(body));
    }

    /** Gives Spring's own problems (type {@code about:blank}) our type URIs and field errors. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        var response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            problem.setType(URI.create(TYPE_BASE + typeOf(ex, statusCode)));
            parameterError(ex).ifPresent(error -> problem.setProperty("errors", errorMembers(List.of(error))));
            if (ex instanceof HttpMessageNotReadableException) {
                problem.setTitle("Malformed request body");
                problem.setDetail("The request body is missing or cannot be read.");
            }
            withCorrelationId(problem);
        }
        return response;
    }

    /** Every problem names its request, so the log lines with the cause can be found. */
    private static ProblemDetail withCorrelationId(ProblemDetail problem) {
        var id = CorrelationId.current();
        if (id != null) {
            problem.setProperty(CorrelationId.MDC_KEY, id);
        }
        return problem;
    }

    private static String typeOf(Exception ex, HttpStatusCode status) {
        if (ex instanceof HttpMessageNotReadableException) {
            return "malformed-request";
        }
        var reason = HttpStatus.resolve(status.value());
        return reason == null
                ? "http-" + status.value()
                : reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static java.util.Optional<FieldError> parameterError(Exception ex) {
        return switch (ex) {
            case MethodArgumentTypeMismatchException m ->
                java.util.Optional.of(new FieldError(m.getName(), ApiProblem.PARAMETER, "has an unreadable value"));
            case MissingRequestHeaderException m ->
                java.util.Optional.of(new FieldError(m.getHeaderName(), ApiProblem.PARAMETER, "header is required"));
            default -> java.util.Optional.empty();
        };
    }

    private static List<Map<String, String>> errorMembers(List<FieldError> errors) {
        return errors.stream().map(ProblemAdvice::errorMember).toList();
    }

    /** RFC 9457's field-error shape: a JSON pointer into the body, or the name of the bad parameter. */
    private static Map<String, String> errorMember(FieldError e) {
        return ApiProblem.PARAMETER.equals(e.keyword())
                ? Map.of("parameter", e.pointer(), "detail", e.message())
                : Map.of("pointer", e.pointer(), "detail", e.message());
    }
}
