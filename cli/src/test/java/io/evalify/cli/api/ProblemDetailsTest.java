package io.evalify.cli.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemDetailsTest {

    @Test
    void shouldRenderTitleDetailAndEachFieldError() {
        String body = """
                {"type":"https://evalify.io/problems/validation","title":"Bad Request","status":400,
                 "detail":"Invalid job submission",
                 "errors":[{"field":"quiz_id","message":"must not be blank"},{"pointer":"/filters","detail":"bad"}]}
                """;

        String text = ProblemDetails.parse(400, body).render();

        assertThat(text.lines())
                .containsExactly(
                        "API error 400 Bad Request: Invalid job submission",
                        "  - quiz_id: must not be blank",
                        "  - /filters: bad",
                        "  type: https://evalify.io/problems/validation");
    }

    @Test
    void shouldAcceptErrorsAsAnObjectOfFieldMessages() {
        ProblemDetails problem = ProblemDetails.parse(422, "{\"title\":\"x\",\"errors\":{\"students\":\"too many\"}}");

        assertThat(problem.errors()).containsExactly("students: too many");
        assertThat(problem.status()).isEqualTo(422);
    }

    @Test
    void shouldShowExtensionMembersSuchAsTheClashingJob() {
        String text = ProblemDetails.parse(409, """
                        {"type":"https://evalify.io/problems/job-active","title":"Job already active","status":409,
                         "detail":"quiz q-1 has an active job","active_job_id":"j-9","instance":"/api/v1/jobs/evaluation"}""").render();

        assertThat(text.lines())
                .containsExactly(
                        "API error 409 Job already active: quiz q-1 has an active job",
                        "  active_job_id: j-9",
                        "  type: https://evalify.io/problems/job-active");
    }

    @Test
    void shouldHideAboutBlankType() {
        String text = ProblemDetails.parse(
                        404,
                        "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                                + "\"detail\":\"job j-1 not found\"}")
                .render();

        assertThat(text).isEqualTo("API error 404 Not Found: job j-1 not found");
    }

    @Test
    void shouldFallBackToTheStatusReasonAndTheBodyTextWhenNotJson() {
        ProblemDetails problem = ProblemDetails.parse(502, "<html>  upstream\n down </html>");

        assertThat(problem.headline()).isEqualTo("502 Bad Gateway: <html> upstream down </html>");
    }

    @Test
    void shouldCopeWithAnEmptyBody() {
        assertThat(ProblemDetails.parse(401, "").headline()).isEqualTo("401 Unauthorized");
    }
}
