package io.evalify.api.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.evalify.api.TestProperties;
import io.evalify.api.callback.CallbackPolicy;
import io.evalify.api.config.ApiProperties;
import io.evalify.api.web.ApiProblem;
import io.evalify.core.backend.BackendClient;
import io.evalify.core.backend.BackendException;
import io.evalify.core.job.JobRetention;
import io.evalify.core.job.JobStore;
import io.evalify.core.testing.LocalRedis;
import io.evalify.core.topic.JsonSerde;
import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.ResponseStatus;
import io.evalify.schemas.job.JobStatus;
import io.evalify.schemas.job.JobSubmission;
import io.evalify.schemas.task.TaskEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collector;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpStatus;

/** Submission against a real Redis: idempotency, one active job per quiz, and what a failed publish leaves. */
class JobSubmissionServiceTest {

    private final JobStore jobs = new JobStore(LocalRedis.shared().template(), JobRetention.DEFAULT, Clock.systemUTC());
    private final BackendClient backend = mock(BackendClient.class);
    private final TaskPublisher publisher = mock(TaskPublisher.class);
    private final ApiProperties properties = TestProperties.withMaxStudents(3);
    private final JobSubmissionService service = new JobSubmissionService(
            backend, jobs, publisher, properties, new CallbackPolicy(properties), Clock.systemUTC());
    private final String quiz = "quiz-" + UUID.randomUUID();

    @BeforeEach
    void givenAQuizOfTwoSubmittedStudents() {
        givenRows(List.of(row("s1"), row("s2")));
        when(backend.questions(quiz)).thenReturn(List.of(new Question("q1", "MCQ", 1.0, null, "?", null, null, 0)));
    }

    @Test
    void shouldQueueOneTaskPerStudentAndMarkTheJobPublished() {
        var accepted = service.submit(submission(false), null, null);
        assertThat(accepted.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(accepted.statusUrl()).isEqualTo("/api/v1/jobs/evaluation/" + accepted.jobId());
        assertThat(published()).extracting(TaskEvent::studentId).containsExactly("s1", "s2");
        var job = jobs.find(accepted.jobId()).orElseThrow();
        assertThat(job.published()).isTrue();
        assertThat(job.total()).isEqualTo(2);
    }

    @Test
    void shouldGiveEveryTaskOnlyTheQuestionIdsTheQuizHasOfAOneMegabyteFilter() {
        var filter = new ArrayList<String>();
        IntStream.range(0, 26_000).forEach(i -> filter.add(UUID.randomUUID().toString()));
        filter.add(13_000, "q1");
        assertThat(String.join("\",\"", filter).length()).isGreaterThan(1_000_000);

        service.submit(new JobSubmission(quiz, new JobSubmission.Filters(null, filter), null), null, null);

        var tasks = published();
        assertThat(tasks)
                .hasSize(2)
                .allSatisfy(task -> assertThat(task.questionIds()).containsExactly("q1"));
        assertThat(new JsonSerde<>(TaskEvent.class).serializer().serialize("tasks", tasks.getFirst()).length)
                .isLessThan(1_000);
    }

    @Test
    void shouldGiveEveryTaskAnEmptyFilterWhenNoFilteredIdIsTheQuizs() {
        when(backend.quizExists(quiz)).thenReturn(true);
        service.submit(new JobSubmission(quiz, new JobSubmission.Filters(null, List.of("nope")), null), null, null);

        assertThat(published())
                .allSatisfy(task -> assertThat(task.questionIds()).isEmpty());
    }

    @Test
    void shouldIgnoreAResponseRowWithoutAStudentId() {
        givenRows(List.of(row("s1"), row(null), row("s2")));

        service.submit(submission(false), null, null);

        assertThat(published()).extracting(TaskEvent::studentId).containsExactly("s1", "s2");
    }

    @Test
    void shouldReturnTheOriginalJobForARepeatWithTheSameKeyAndBody() {
        var key = "key-" + UUID.randomUUID();
        var first = service.submit(submission(false), key, "hash-1");
        var repeat = service.submit(submission(false), key, "hash-1");
        assertThat(repeat.jobId()).isEqualTo(first.jobId());
        verify(publisher, times(1)).publishAll(anyList(), any());
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBodyWith409() {
        var key = "key-" + UUID.randomUUID();
        var first = service.submit(submission(false), key, "hash-1");
        assertThatThrownBy(() -> service.submit(submission(true), key, "hash-2"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(p.is("idempotency-key-reused")).isTrue();
                    assertThat(p.extra()).isEqualTo(java.util.Map.of("job_id", first.jobId()));
                });
    }

    @Test
    void shouldRefuseASecondActiveJobOfTheQuizNamingTheActiveOne() {
        var first = service.submit(submission(false), null, null);
        assertThatThrownBy(() -> service.submit(submission(false), null, null))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(p.is("quiz-busy")).isTrue();
                    assertThat(p.getMessage()).contains(first.jobId());
                    assertThat(p.extra())
                            .isEqualTo(java.util.Map.of(
                                    "active_job_id", first.jobId(), "active_job_url", first.statusUrl()));
                });
    }

    @Test
    void shouldStartASecondJobWhenForced() {
        var first = service.submit(submission(false), null, null);
        var forced = service.submit(submission(true), null, null);
        assertThat(forced.jobId()).isNotEqualTo(first.jobId());
        assertThat(jobs.jobIdsOfQuiz(quiz, 0, 10)).containsExactly(forced.jobId(), first.jobId());
    }

    @Test
    void shouldFailTheJobAndFreeTheQuizWhenPublishingFails() {
        doThrow(new TaskPublisher.PublishException("broker down", null))
                .when(publisher)
                .publishAll(anyList(), any());
        assertThatThrownBy(() -> service.submit(submission(false), null, null))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        var failed = jobs.find(jobs.jobIdsOfQuiz(quiz, 0, 1).getFirst()).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).contains("broker down");
    }

    @Test
    void shouldRefuseMoreStudentsThanTheLimitWith422AndCreateNothing() {
        var many = IntStream.range(0, 4).mapToObj(i -> row("s" + i)).toList();
        givenRows(many);
        assertThatThrownBy(() -> service.submit(submission(false), null, null))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(p.is("too-many-students")).isTrue();
                });
        assertThat(jobs.jobIdsOfQuiz(quiz, 0, 10)).isEmpty();
        verifyNoInteractions(publisher);
    }

    @Test
    void shouldRefuseAnUnknownQuizWith422() {
        givenRows(List.of());
        when(backend.questions(quiz)).thenReturn(List.of());
        when(backend.quizExists(quiz)).thenReturn(false);
        assertThatThrownBy(() -> service.submit(submission(false), null, null))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        p -> assertThat(p.is("quiz-not-found")).isTrue());
        assertThat(jobs.jobIdsOfQuiz(quiz, 0, 10)).isEmpty();
    }

    @Test
    void shouldRefuseACallbackToAHostNotAllowedWith422BeforeAskingTheBackendAndCreateNothing() {
        var request = new JobSubmission(
                quiz, null, new JobSubmission.Config(false, false, "http://169.254.169.254/latest/meta-data/"));
        assertThatThrownBy(() -> service.submit(request, null, null)).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(p.is("callback-not-allowed")).isTrue();
        });
        assertThat(jobs.jobIdsOfQuiz(quiz, 0, 10)).isEmpty();
        verifyNoInteractions(backend, publisher);
    }

    @Test
    void shouldRefuseACallbackToAnotherPortOfAnAllowedHost() {
        var request = new JobSubmission(
                quiz,
                null,
                new JobSubmission.Config(false, false, "http://" + TestProperties.CALLBACK_HOST + ":6379/"));
        assertThatThrownBy(() -> service.submit(request, null, null)).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(p.is("callback-not-allowed")).isTrue();
        });
        assertThat(jobs.jobIdsOfQuiz(quiz, 0, 10)).isEmpty();
    }

    @Test
    void shouldAcceptACallbackToAnAllowedHost() {
        var url = "http://" + TestProperties.CALLBACK_HOST + "/done";
        var accepted =
                service.submit(new JobSubmission(quiz, null, new JobSubmission.Config(false, false, url)), null, null);
        assertThat(jobs.find(accepted.jobId()).orElseThrow().callbackUrl()).isEqualTo(url);
    }

    @Test
    void shouldAnswer502WhenTheBackendFails() {
        when(backend.responseStatuses(eq(quiz), any()))
                .thenThrow(new BackendException("GET responses", 500, "boom", null));
        assertThatThrownBy(() -> service.submit(submission(false), null, null))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.BAD_GATEWAY));
    }

    @Test
    void shouldIgnoreStudentIdsTheBackendDoesNotKnow() {
        var request = new JobSubmission(quiz, new JobSubmission.Filters(List.of("s2", "ghost", "s2"), null), null);
        service.submit(request, null, null);
        assertThat(published()).extracting(TaskEvent::studentId).containsExactly("s2");
    }

    private JobSubmission submission(boolean force) {
        return new JobSubmission(quiz, null, new JobSubmission.Config(false, force, null));
    }

    private List<TaskEvent> published() {
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<TaskEvent>> tasks = ArgumentCaptor.forClass(List.class);
        verify(publisher).publishAll(tasks.capture(), any());
        return tasks.getValue();
    }

    /** The backend's list as the client hands it to the resolver: row by row into its collector. */
    private void givenRows(List<ResponseStatus> rows) {
        when(backend.responseStatuses(eq(quiz), any())).thenAnswer(call -> {
            Collector<ResponseStatus, Object, Object> collector = call.getArgument(1);
            return rows.stream().collect(collector);
        });
    }

    private ResponseStatus row(String student) {
        return new ResponseStatus(student, "SUBMITTED", "UNEVALUATED");
    }
}
