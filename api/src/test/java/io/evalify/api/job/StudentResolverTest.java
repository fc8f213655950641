package io.evalify.api.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.evalify.api.web.ApiProblem;
import io.evalify.schemas.backend.ResponseStatus;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StudentResolverTest {

    private static final int NO_LIMIT = Integer.MAX_VALUE;

    @Test
    void shouldTakeEverySubmittedResponseInBackendOrderWithoutAFilter() {
        var rows = Stream.of(submitted("s2"), notSubmitted("s3"), submitted("s1"), autoSubmitted("s4"));

        assertThat(resolve(rows, null, false)).containsExactly("s2", "s1", "s4");
    }

    @Test
    void shouldTakeAStudentOnceWhenTheBackendListsItTwice() {
        var rows = Stream.of(submitted("s1"), submitted("s2"), submitted("s1"));

        assertThat(resolve(rows, null, false)).containsExactly("s1", "s2");
        assertThat(resolve(Stream.of(submitted("s1"), submitted("s1")), List.of("s1"), false))
                .containsExactly("s1");
    }

    @Test
    void shouldLeaveGradedResponsesAloneUnlessTheJobOverridesThem() {
        var rows = List.of(submitted("s1"), evaluated("s2", "EVALUATED"), evaluated("s3", "EVALUATED_MANUALLY"));

        assertThat(resolve(rows.stream(), null, false)).containsExactly("s1");
        assertThat(resolve(rows.stream(), null, true)).containsExactly("s1", "s2", "s3");
        assertThat(resolve(rows.stream(), List.of("s3", "s1"), false)).containsExactly("s1");
    }

    @Test
    void shouldKeepTheFiltersOrderAndIgnoreIdsTheBackendDoesNotKnow() {
        var rows = Stream.of(submitted("s1"), notSubmitted("s2"), submitted("s3"));

        assertThat(resolve(rows, List.of("s3", "ghost", "s2", "s3"), false)).containsExactly("s3", "s2");
    }

    @Test
    void shouldIgnoreARowWithoutAStudentId() {
        assertThat(resolve(Stream.of(submitted(null), submitted("s1")), null, false))
                .containsExactly("s1");
    }

    @Test
    void shouldStopReadingTheListOnceMoreStudentsQualifyThanTheLimit() {
        var read = new AtomicInteger();
        var rows = Stream.iterate(0, i -> i + 1)
                .limit(1_000)
                .peek(i -> read.incrementAndGet())
                .map(i -> submitted("s" + i));

        assertThatThrownBy(() -> rows.collect(StudentResolver.collector(null, false, 3)))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        p -> assertThat(p.is("too-many-students")).isTrue());
        assertThat(read).hasValue(4);
    }

    @Test
    void shouldAcceptExactlyTheLimitCountingEachStudentOnce() {
        var rows = Stream.of(submitted("s1"), submitted("s2"), submitted("s1"), notSubmitted("s3"));

        assertThat(rows.collect(StudentResolver.collector(null, false, 2))).containsExactly("s1", "s2");
    }

    private static List<String> resolve(Stream<ResponseStatus> rows, List<String> filter, boolean override) {
        return rows.collect(StudentResolver.collector(filter, override, NO_LIMIT));
    }

    private static ResponseStatus submitted(String student) {
        return new ResponseStatus(student, "SUBMITTED", "NOT_EVALUATED");
    }

    private static ResponseStatus autoSubmitted(String student) {
        return new ResponseStatus(student, "AUTO_SUBMITTED", "NOT_EVALUATED");
    }

    private static ResponseStatus notSubmitted(String student) {
        return new ResponseStatus(student, "NOT_SUBMITTED", "NOT_EVALUATED");
    }

    private static ResponseStatus evaluated(String student, String evaluationStatus) {
        return new ResponseStatus(student, "SUBMITTED", evaluationStatus);
    }
}
