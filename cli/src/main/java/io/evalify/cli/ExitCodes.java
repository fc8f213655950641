package io.evalify.cli;

import io.evalify.schemas.job.JobStatus;

/** The process exit codes of every command, documented in {@code evalify --help}. */
public final class ExitCodes {

    /** Success; for job commands, the job completed without errors (or is still running). */
    public static final int OK = 0;

    /** The job ended in any terminal status other than COMPLETED, or the local stack broke down. */
    public static final int JOB_NOT_COMPLETED = 1;

    /** Bad command line (picocli's own usage code), or a command that is not implemented yet. */
    public static final int USAGE = 2;

    /** The API could not be reached (or, for {@code local}, could not be started). */
    public static final int API_UNREACHABLE = 3;

    /** The API answered with an error (problem details printed on stderr). */
    public static final int API_ERROR = 4;

    private ExitCodes() {}

    /** Exit code for a job seen in {@code status}: only a job that ended other than COMPLETED is an error. */
    public static int forStatus(JobStatus status) {
        return status.isTerminal() && status != JobStatus.COMPLETED ? JOB_NOT_COMPLETED : OK;
    }
}
