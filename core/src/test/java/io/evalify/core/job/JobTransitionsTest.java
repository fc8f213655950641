package io.evalify.core.job;

import static io.evalify.schemas.job.JobStatus.CANCELLED;
import static io.evalify.schemas.job.JobStatus.CANCELLING;
import static io.evalify.schemas.job.JobStatus.COMPLETED;
import static io.evalify.schemas.job.JobStatus.COMPLETED_WITH_ERRORS;
import static io.evalify.schemas.job.JobStatus.EXPIRED;
import static io.evalify.schemas.job.JobStatus.FAILED;
import static io.evalify.schemas.job.JobStatus.QUEUED;
import static io.evalify.schemas.job.JobStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.evalify.schemas.job.JobStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobTransitionsTest {

    @Test
    void queuedJobMayStartCompleteFailCancelOrExpire() {
        assertTargets(QUEUED, EnumSet.of(RUNNING, COMPLETED, COMPLETED_WITH_ERRORS, FAILED, CANCELLING, EXPIRED));
    }

    @Test
    void runningJobMayFinishInAnyWayOrBeCancelled() {
        assertTargets(RUNNING, EnumSet.of(COMPLETED, COMPLETED_WITH_ERRORS, FAILED, CANCELLING, EXPIRED));
    }

    @Test
    void cancellingJobMayOnlyBecomeCancelledOrExpire() {
        assertTargets(CANCELLING, EnumSet.of(CANCELLED, EXPIRED));
    }

    @Test
    void jobWithErrorsMayBeRequeuedOrHealedByAReplay() {
        assertTargets(COMPLETED_WITH_ERRORS, EnumSet.of(RUNNING, COMPLETED));
    }

    @Test
    void completedJobIsFinal() {
        assertTargets(COMPLETED, EnumSet.noneOf(JobStatus.class));
    }

    @Test
    void failedJobIsFinal() {
        assertTargets(FAILED, EnumSet.noneOf(JobStatus.class));
    }

    @Test
    void cancelledJobIsFinal() {
        assertTargets(CANCELLED, EnumSet.noneOf(JobStatus.class));
    }

    @Test
    void expiredJobIsFinal() {
        assertTargets(EXPIRED, EnumSet.noneOf(JobStatus.class));
    }

    @Test
    void shouldNameBothStatesWhenAChangeIsRefused() {
        assertThatThrownBy(() -> JobTransitions.check("j1", COMPLETED, RUNNING))
                .isInstanceOf(IllegalJobStateChangeException.class)
                .hasMessageContaining("COMPLETED")
                .hasMessageContaining("RUNNING");
    }

    @Test
    void everyTerminalStatusHasNoWayOutExceptTheRequeueOfErrors() {
        Arrays.stream(JobStatus.values())
                .filter(s -> s.isTerminal() && s != COMPLETED_WITH_ERRORS)
                .forEach(s -> assertTargets(s, EnumSet.noneOf(JobStatus.class)));
    }

    private static void assertTargets(JobStatus from, Set<JobStatus> expected) {
        for (JobStatus to : JobStatus.values()) {
            assertThat(JobTransitions.isAllowed(from, to))
                    .as("%s -> %s", from, to)
                    .isEqualTo(expected.contains(to));
        }
    }
}
