package io.evalify.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.fakes.backend.GeneratedQuizSpec;
import io.evalify.fakes.backend.QuizGenerator;
import io.evalify.schemas.job.JobStatus;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Issue 5's F3: fatal failures are dead-lettered, listed, and recovered by retry-failed (RQ's requeue). */
class RetryFailedIntegrationTest extends StackPerTest {

    @Test
    void f3ShouldDeadLetterMissingResponsesAndRecoverThemWithRetryFailed() {
        var quizId = generate("quiz-f3", 40, "MCQ", "TRUE_FALSE");
        var missing = IntStream.range(0, 5)
                .mapToObj(i -> QuizGenerator.studentId(quizId, i))
                .toArray(String[]::new);
        stack.backend().failStudentsWith404(missing);

        var jobId = stack.submit(quizId);
        var partial = stack.awaitStatus(jobId, JobStatus.COMPLETED_WITH_ERRORS, Duration.ofSeconds(60));

        assertThat(partial.counts().failed()).isEqualTo(5);
        assertThat(partial.counts().succeeded()).isEqualTo(35);
        assertThat(DeadLetters.all(stack.bootstrapServers()))
                .extracting(letter -> letter.task().studentId())
                .containsExactlyInAnyOrder(missing);
        var failures = stack.get("/api/v1/jobs/evaluation/" + jobId + "/failures");
        assertThat(failures.status()).isEqualTo(200);
        assertThat(failures.body().toString()).contains("BACKEND_NOT_FOUND").contains(missing[0]);

        stack.backend().clearFaults();
        assertThat(stack.post("/api/v1/jobs/evaluation/" + jobId + "/retry-failed", "")
                        .status())
                .isEqualTo(202);

        var healed = stack.awaitStatus(jobId, JobStatus.COMPLETED, Duration.ofSeconds(60));
        assertThat(healed.counts().failed()).isZero();
        assertThat(healed.counts().succeeded()).isEqualTo(40);
    }

    private String generate(String name, int students, String... types) {
        var quizId = EvalifyStack.quizId(name);
        stack.backend()
                .generateQuiz(GeneratedQuizSpec.builder(quizId)
                        .students(students)
                        .questions(5)
                        .seed(11)
                        .types(types)
                        .build());
        return quizId;
    }
}
