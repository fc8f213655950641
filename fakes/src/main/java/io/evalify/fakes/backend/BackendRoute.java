package io.evalify.fakes.backend;

/**
 * The backend's evaluation routes (docs/BACKEND-CONTRACT.md), each with the message its real handler answers on
 * a 500 so an injected failure looks exactly like a real one.
 */
public enum BackendRoute {
    /** {@code GET /eval/quiz/{quizId}}. */
    QUIZ("GET", "Failed to fetch quiz data"),
    /** {@code GET /eval/quiz/{quizId}/question}. */
    QUESTIONS("GET", "Failed to fetch quiz questions"),
    /** {@code GET /eval/quiz/{quizId}/question/{questionId}}. */
    QUESTION("GET", "Failed to fetch quiz question"),
    /** {@code GET /eval/quiz/{quizId}/settings}. */
    SETTINGS("GET", "Internal Server Error"),
    /** {@code GET /eval/quiz/{quizId}/student}. */
    STUDENTS("GET", "Failed to fetch quiz responses"),
    /** {@code GET /eval/quiz/{quizId}/student/{studentId}}. */
    STUDENT("GET", "Failed to fetch quiz response"),
    /** {@code POST /eval/quiz/{quizId}/save/{studentId}}. */
    SAVE("POST", "Failed to save evaluation");

    private final String method;
    private final String failureMessage;

    BackendRoute(String method, String failureMessage) {
        this.method = method;
        this.failureMessage = failureMessage;
    }

    /** The HTTP method the route answers. */
    public String method() {
        return method;
    }

    /** The {@code error} text of the real handler's 500. */
    public String failureMessage() {
        return failureMessage;
    }

    /** True for the read routes. */
    public boolean isRead() {
        return this != SAVE;
    }
}
