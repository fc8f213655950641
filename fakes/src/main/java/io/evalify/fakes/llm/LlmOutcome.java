package io.evalify.fakes.llm;

/** How the fake answered one request (counted per value). */
public enum LlmOutcome {
    /** A well-formed grade. */
    GRADED,
    /** Obedient mode followed instructions in the student answer. */
    OBEYED,
    /** The prompt lacked the tags; answered with score 0 and flag {@code unrecognised_prompt}. */
    UNRECOGNISED_PROMPT,
    /** Deliberately malformed content. */
    MALFORMED,
    /** 429 with Retry-After. */
    RATE_LIMITED,
    /** Injected 500. */
    SERVER_ERROR,
    /** Slept past any sane client timeout (then answered, to nobody). */
    HUNG,
    /** 401, wrong or missing bearer key. */
    UNAUTHORIZED,
    /** 400, body not a chat request. */
    BAD_REQUEST
}
