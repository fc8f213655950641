package io.evalify.grading.llm;

/** One chat-completions round trip. Implementations throw {@link io.evalify.grading.RemoteCallException} on HTTP or transport failure. */
@FunctionalInterface
public interface ChatClient {

    /** Sends the messages and returns the assistant's content (null when the reply had none). */
    String complete(ChatRequest request);

    /**
     * A grading request.
     *
     * @param model model name
     * @param system the system message (our grading instructions)
     * @param user the last user message (the tagged sections)
     */
    record ChatRequest(String model, String system, String user) {}
}
