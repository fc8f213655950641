package io.evalify.api.job;

import io.evalify.core.job.FailureRecord;
import io.evalify.schemas.deadletter.TaskFailure;
import io.evalify.schemas.task.TaskEvent;
import io.evalify.schemas.task.TaskLane;
import java.time.Instant;

/** Test data: failure entries as the worker writes them. */
public final class Failures {

    private Failures() {}

    /** The failed registry entry of {@code student} in {@code job}, dead-lettered at offset 7 of partition 2. */
    public static FailureRecord failure(String job, String student) {
        var at = Instant.parse("2026-04-04T09:00:10Z");
        return new FailureRecord(
                new TaskEvent(job, "quiz-1", student, null, false, TaskLane.OBJECTIVE, 4, at, at),
                new TaskFailure("BACKEND_NOT_FOUND", "backend answered 404", false, 4, at, at.plusSeconds(3)),
                new FailureRecord.Location("evalify.dead-letters", 2, 7));
    }
}
