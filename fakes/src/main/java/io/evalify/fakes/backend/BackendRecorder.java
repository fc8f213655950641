package io.evalify.fakes.backend;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/** Counts requests per route and quiz and keeps every save; lock-free so it never slows the fake. */
final class BackendRecorder {

    private record Key(BackendRoute route, String quizId) {}

    private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder unauthorized = new LongAdder();
    private final ConcurrentLinkedQueue<RecordedSave> saves = new ConcurrentLinkedQueue<>();

    void count(BackendRoute route, String quizId) {
        requests.computeIfAbsent(new Key(route, quizId), k -> new LongAdder()).increment();
    }

    void unauthorized() {
        unauthorized.increment();
    }

    void save(RecordedSave save) {
        saves.add(save);
    }

    long requestCount(BackendRoute route) {
        return requests.entrySet().stream()
                .filter(e -> e.getKey().route() == route)
                .mapToLong(e -> e.getValue().sum())
                .sum();
    }

    long requestCount(BackendRoute route, String quizId) {
        LongAdder adder = requests.get(new Key(route, quizId));
        return adder == null ? 0 : adder.sum();
    }

    long unauthorizedCount() {
        return unauthorized.sum();
    }

    List<RecordedSave> saves() {
        return List.copyOf(saves);
    }

    List<RecordedSave> savesFor(String quizId, String studentId) {
        return saves.stream()
                .filter(s -> s.quizId().equals(quizId) && s.studentId().equals(studentId))
                .toList();
    }

    void reset() {
        requests.clear();
        unauthorized.reset();
        saves.clear();
    }
}
