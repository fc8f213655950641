package io.evalify.core.job;

import io.evalify.schemas.task.TaskLane;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** Test builder: {@code aJob().withStudents(3).build()}. */
public final class NewJobBuilder {

    private String jobId = UUID.randomUUID().toString();
    private String quizId = "quiz-" + UUID.randomUUID();
    private List<String> students = List.of("s1", "s2");
    private String callbackUrl;

    /** A job of two students on a fresh quiz. */
    public static NewJobBuilder aJob() {
        return new NewJobBuilder();
    }

    /** Uses {@code n} students named s1..sn. */
    public NewJobBuilder withStudents(int n) {
        students = IntStream.rangeClosed(1, n).mapToObj(i -> "s" + i).toList();
        return this;
    }

    /** Grades the given quiz. */
    public NewJobBuilder forQuiz(String quiz) {
        quizId = quiz;
        return this;
    }

    /** Asks for a completion callback to {@code url}. */
    public NewJobBuilder withCallback(String url) {
        callbackUrl = url;
        return this;
    }

    /** Builds the job. */
    public NewJob build() {
        return new NewJob(
                jobId,
                quizId,
                students,
                null,
                false,
                TaskLane.OBJECTIVE,
                Instant.now().plusSeconds(3600),
                callbackUrl);
    }
}
