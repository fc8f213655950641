package io.evalify.core.replay;

/**
 * What a replay did.
 *
 * @param read records read in the range
 * @param republished tasks published again to the task topic
 * @param skipped records left out (another job, or a poison record with no task to replay)
 */
public record ReplayResult(long read, long republished, long skipped) {}
