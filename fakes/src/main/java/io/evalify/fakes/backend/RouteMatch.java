package io.evalify.fakes.backend;

import java.util.Optional;

/**
 * A request path resolved to a route: {@code /eval/quiz/{quizId}[/question[/{id}]|/settings|/student[/{id}]|/save/{id}]}.
 *
 * @param route the matched route
 * @param quizId the quiz path segment
 * @param itemId the question or student id, or null for list routes
 */
record RouteMatch(BackendRoute route, String quizId, String itemId) {

    /** Resolves a path relative to the base path, e.g. {@code /eval/quiz/q1/student}. */
    static Optional<RouteMatch> of(String relativePath) {
        String[] s = relativePath.replaceAll("/+$", "").split("/");
        // s[0] is the empty string before the leading slash.
        if (s.length < 4 || !s[0].isEmpty() || !"eval".equals(s[1]) || !"quiz".equals(s[2]) || s[3].isEmpty()) {
            return Optional.empty();
        }
        String quizId = s[3];
        return switch (s.length) {
            case 4 -> Optional.of(new RouteMatch(BackendRoute.QUIZ, quizId, null));
            case 5 -> list(s[4], quizId);
            case 6 -> item(s[4], quizId, s[5]);
            default -> Optional.empty();
        };
    }

    private static Optional<RouteMatch> list(String segment, String quizId) {
        BackendRoute route = switch (segment) {
            case "question" -> BackendRoute.QUESTIONS;
            case "settings" -> BackendRoute.SETTINGS;
            case "student" -> BackendRoute.STUDENTS;
            default -> null;
        };
        return Optional.ofNullable(route).map(r -> new RouteMatch(r, quizId, null));
    }

    private static Optional<RouteMatch> item(String segment, String quizId, String id) {
        BackendRoute route = switch (segment) {
            case "question" -> BackendRoute.QUESTION;
            case "student" -> BackendRoute.STUDENT;
            case "save" -> BackendRoute.SAVE;
            default -> null;
        };
        return Optional.ofNullable(route).filter(r -> !id.isEmpty()).map(r -> new RouteMatch(r, quizId, id));
    }
}
