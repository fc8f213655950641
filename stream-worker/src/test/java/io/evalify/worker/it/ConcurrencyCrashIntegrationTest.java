package io.evalify.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.evalify.fakes.backend.GeneratedQuizSpec;
import io.evalify.fakes.common.LatencyModel;
import io.evalify.schemas.job.JobStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** At-least-once with concurrency: a worker killed with many LLM calls in flight loses and double-counts nothing. */
class ConcurrencyCrashIntegrationTest extends StackPerTest {

    @Test
    void shouldCountEveryStudentOnceAfterACrashWithHundredsOfCallsInFlight() {
        var quizId = EvalifyStack.quizId("quiz-concurrency");
        stack.backend()
                .generateQuiz(GeneratedQuizSpec.builder(quizId)
                        .students(1000)
                        .questions(1)
                        .seed(9)
                        .types("DESCRIPTIVE")
                        .build());
        stack.llm().faults().latency(LatencyModel.fixed(300));
        var jobId = stack.submit(quizId);

        // Far more calls in flight than the 12 partitions could give a plain Streams processor.
        await().atMost(Duration.ofSeconds(120)).until(() -> stack.llm().inFlight() >= 64);
        stack.crashWorker();
        stack.restartWorker();

        var done = stack.awaitStatus(jobId, JobStatus.COMPLETED, Duration.ofSeconds(180));
        assertThat(done.counts().succeeded()).isEqualTo(1000);
        assertThat(done.counts().processed()).isEqualTo(1000);
        assertThat(stack.llm().peakInFlight()).isGreaterThanOrEqualTo(64);
        assertThat(stack.backend().saves().stream()
                        .filter(s -> s.quizId().equals(quizId) && s.accepted())
                        .map(s -> s.studentId())
                        .distinct())
                .hasSize(1000);
    }
}
