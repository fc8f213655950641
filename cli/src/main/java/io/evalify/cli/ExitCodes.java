package io.evalify.cli;

import io.evalify.schemas.job.JobStatus;

/** The process exit codes of every command, documented in {@code evalify --help}. */
public final class ExitCodes {

    /** Success; for job commands, the job completed without errors (or is still running). */
    public static final int OK = 0;

    /** The job ended in any terminal status other than COMPLETED, or the local stack broke down. */
    public static final int JOB_NOT_COMPLETED = 1;

    /** Bad command line (picocli's own usage code), or an option value rejected while running. */
    public static final int USAGE = 2;

    /** The API or the Kafka broker could not be reached (or, for {@code local} and {@code bench}, started). */
    public static final int API_UNREACHABLE = 3;

    /** The API answered with an error (problem details printed on stderr). */
    public static final int API_ERROR = 4;

    private ExitCodes() {}

    /** Exit code for a job seen in {@code status}: only a job that ended other than COMPLETED is an error. */
    public static int forStatus(JobStatus status) {
        return status.isTerminal() && status != JobStatus.COMPLETED ? JOB_NOT_COMPLETED : OK;
    }
}
