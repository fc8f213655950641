package io.evalify.grading.llm;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.Timeout;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.evalify.grading.RemoteCallException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat completions through the official OpenAI Java SDK, which works with any OpenAI-compatible server
 * (vLLM, Ollama, OpenAI). The SDK retries connection errors, 408, 409, 429 and 5xx itself
 * ({@link LlmConfig#maxRetries()}, honouring Retry-After); what still fails afterwards becomes a
 * {@link RemoteCallException}. The reply is asked for as strict JSON schema output.
 */
final class OpenAiChatClient implements ChatClient {

    private static final Logger log = LoggerFactory.getLogger(OpenAiChatClient.class);

    private static final int MIN_IDLE_CONNECTIONS = 5;
    private static final Duration IDLE_CONNECTION_KEEP_ALIVE = Duration.ofMinutes(5);

    private final OpenAIClient client;
    private final double temperature;

    OpenAiChatClient(LlmConfig config) {
        this.client = OpenAIOkHttpClient.builder()
                .baseUrl(config.baseUrl())
                .apiKey(config.apiKey())
                // One deadline per call, reply included. Okio would otherwise enter every socket read and write
                // into one global sorted list of time-outs, a measured cost with hundreds of calls in flight.
                .timeout(Timeout.builder()
                        .connect(config.timeout())
                        .read(Duration.ZERO)
                        .write(Duration.ZERO)
                        .request(config.timeout())
                        .build())
                .maxRetries(config.maxRetries())
                // OkHttp keeps 5 idle connections by default: with hundreds of calls in flight, every wave
                // beyond that reconnected (3,097 new connections in one 10,000-student bench run).
                .maxIdleConnections(Math.max(MIN_IDLE_CONNECTIONS, config.maxConcurrency()))
                .keepAliveDuration(IDLE_CONNECTION_KEEP_ALIVE)
                .build();
        this.temperature = config.temperature();
    }

    @Override
    public String complete(ChatRequest request) {
        try {
            return content(client.chat().completions().create(params(request)));
        } catch (OpenAIServiceException e) {
            throw SdkErrors.fromStatus(e);
        } catch (OpenAIInvalidDataException e) {
            log.warn("LLM reply did not match the chat-completions shape: {}", e.getMessage());
            return null; // treated like any malformed reply: asked again, then the question ERRORs
        } catch (OpenAIException e) {
            throw SdkErrors.fromTransport(e);
        }
    }

    private ChatCompletionCreateParams params(ChatRequest request) {
        return ChatCompletionCreateParams.builder()
                .model(request.model())
                .addSystemMessage(request.system())
                .addUserMessage(request.user())
                .temperature(temperature)
                .responseFormat(RESPONSE_FORMAT)
                .build();
    }

    private static String content(ChatCompletion completion) {
        return completion.choices().stream()
                .findFirst()
                .flatMap(choice -> choice.message().content())
                .orElse(null);
    }

    private static final ResponseFormatJsonSchema RESPONSE_FORMAT = ResponseFormatJsonSchema.builder()
            .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                    .name("grade")
                    .strict(true)
                    .schema(schema())
                    .build())
            .build();

    private static ResponseFormatJsonSchema.JsonSchema.Schema schema() {
        Map<String, Object> properties = Map.of(
                "score", Map.of("type", "number"),
                "feedback", Map.of("type", "string"),
                "rubric", Map.of("type", "string"),
                "breakdown", Map.of("type", "string"),
                "flags", Map.of("type", "array", "items", Map.of("type", "string")));
        return ResponseFormatJsonSchema.JsonSchema.Schema.builder()
                .putAdditionalProperty("type", JsonValue.from("object"))
                .putAdditionalProperty("properties", JsonValue.from(properties))
                .putAdditionalProperty(
                        "required", JsonValue.from(List.of("score", "feedback", "rubric", "breakdown", "flags")))
                .putAdditionalProperty("additionalProperties", JsonValue.from(false))
                .build();
    }
}
