package io.evalify.worker.task;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.evalify.core.backend.BackendClient;
import io.evalify.core.backend.QuestionFilter;
import io.evalify.core.cache.BlockingLoadingCache;
import io.evalify.schemas.backend.QuizSettings;
import io.evalify.schemas.task.TaskEvent;
import java.time.Duration;
import java.util.List;

/**
 * Questions and settings per job, fetched from the backend once per job and worker however many students
 * arrive at once (concurrent misses share one load). A failed load is not cached, so the next task retries it.
 * Keyed by job, not quiz: two jobs of one quiz may filter questions differently, and a re-run should see edits.
 */
class QuizCatalog {

    private final BackendClient backend;
    private final BlockingLoadingCache<JobKey, QuizContext> cache;

    /** A catalog that forgets a job {@code ttl} after its last use. */
    QuizCatalog(BackendClient backend, Duration ttl) {
        this.backend = backend;
        this.cache = new BlockingLoadingCache<>(
                Caffeine.newBuilder().expireAfterAccess(ttl).maximumSize(10_000), this::load);
    }

    /** The job's quiz context; throws what the backend threw. */
    public QuizContext get(TaskEvent task) {
        return cache.get(new JobKey(task.jobId(), task.quizId(), task.questionIds()));
    }

    private QuizContext load(JobKey key) {
        var questions = QuestionFilter.select(backend.questions(key.quizId()), key.questionIds());
        if (questions.isEmpty() && !backend.quizExists(key.quizId())) {
            throw new QuizNotFoundException(key.quizId());
        }
        QuizSettings settings = backend.settings(key.quizId()).orElseGet(() -> QuizSettings.defaults(key.quizId()));
        return new QuizContext(questions, settings);
    }

    private record JobKey(String jobId, String quizId, List<String> questionIds) {}

    /** The backend does not know the quiz: the whole job cannot run. */
    static class QuizNotFoundException extends RuntimeException {
        QuizNotFoundException(String quizId) {
            super("Quiz " + quizId + " not found in the backend");
        }
    }
}
