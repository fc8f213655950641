package io.evalify.cli.api;

/** The API answered with a non-2xx status; carries the parsed problem details. Exit code 4. */
public final class ApiException extends RuntimeException {

    private final transient ProblemDetails problem;

    /** Creates the exception from the problem the API reported. */
    public ApiException(ProblemDetails problem) {
        super(problem.headline());
        this.problem = problem;
    }

    /** The problem details, parsed or synthesised from a plain body. */
    public ProblemDetails problem() {
        return problem;
    }

    /** The HTTP status. */
    public int status() {
        return problem.status();
    }
}
