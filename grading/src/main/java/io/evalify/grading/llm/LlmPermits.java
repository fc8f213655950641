package io.evalify.grading.llm;

import java.util.concurrent.Semaphore;

/**
 * Limits concurrent LLM HTTP calls. The grader acquires one permit around each call; the worker can plug
 * in a limiter shared by all instances (e.g. Redis-based), since vLLM and Ollama queue rather than 429.
 */
public interface LlmPermits {

    /** Blocks until a call may start. */
    void acquire() throws InterruptedException;

    /** Gives back a permit taken by {@link #acquire()}. */
    void release();

    /**
     * Told about a call that failed after the client library's own retries, before its permit is released: a
     * shared limiter can start a global cool-down on a 429 instead of letting every worker retry hot.
     */
    default void failed(io.evalify.grading.RemoteCallException error) {}

    /** A limiter local to this JVM. */
    static LlmPermits local(int permits) {
        Semaphore semaphore = new Semaphore(Math.max(1, permits));
        return new LlmPermits() {
            @Override
            public void acquire() throws InterruptedException {
                semaphore.acquire();
            }

            @Override
            public void release() {
                semaphore.release();
            }
        };
    }
}
