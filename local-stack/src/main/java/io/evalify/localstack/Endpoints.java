package io.evalify.localstack;

import io.evalify.cli.api.Secrets;
import java.io.PrintWriter;

/**
 * Where the services of a running local stack listen, and the keys they use.
 *
 * @param redisPort Redis on 127.0.0.1
 * @param bootstrapServers Kafka bootstrap servers
 * @param backend backend base URL and key (fake or external)
 * @param llm LLM base URL, key and model (fake or external)
 * @param judge0Url Judge0 base URL (fake or external)
 * @param apiUrl the API root
 * @param workerUrl the worker's root (actuator)
 * @param apiKey the key API callers send in {@code API_KEY}
 */
public record Endpoints(
        int redisPort,
        String bootstrapServers,
        LocalSettings.External backend,
        LocalSettings.Llm llm,
        String judge0Url,
        String apiUrl,
        String workerUrl,
        String apiKey) {

    /** The operator's dashboard, served by the API. */
    public String dashboardUrl() {
        return apiUrl + "/dashboard";
    }

    /** Prints the URLs; keys are masked. */
    public void print(PrintWriter out, String redisDescription) {
        out.printf("  redis     127.0.0.1:%d (%s)%n", redisPort, redisDescription);
        out.printf("  kafka     %s%n", bootstrapServers);
        out.printf("  backend   %s%n", backend.url());
        out.printf("  llm       %s (model %s)%n", llm.url(), llm.model() == null ? "default" : llm.model());
        out.printf("  judge0    %s%n", judge0Url);
        out.printf("  worker    %s/actuator/health%n", workerUrl);
        out.printf("  api       %s (API_KEY %s)%n", apiUrl, Secrets.mask(apiKey));
        out.printf("  dashboard %s%n", dashboardUrl());
        out.flush();
    }
}
