package io.evalify.schemas.result;

/** How far one question of one student got. Saved as {@code evaluation_status}. */
public enum QuestionStatus {
    /** Graded by rule, LLM or Judge0. */
    EVALUATED,
    /** The question or answer could not be graded; the reason is in {@code error_message}. */
    ERROR,
    /** Not gradable automatically (FILE_UPLOAD) or not yet supported; kept so nothing vanishes. */
    NOT_EVALUATED;

    /** The value the Evalify UI reads in {@code status}: anything not graded needs a person. */
    public String uiStatus() {
        return this == EVALUATED ? "EVALUATED" : "UNEVALUATED";
    }
}
