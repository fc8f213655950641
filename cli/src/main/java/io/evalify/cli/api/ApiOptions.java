package io.evalify.cli.api;

import io.evalify.cli.CliContext;
import io.evalify.cli.CurrentRun;
import io.evalify.cli.UsageException;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --api} and {@code --api-key} options shared by the job commands. Unset options fall back
 * to {@code EVALIFY_API_URL} / {@code EVALIFY_API_KEY}, then to a running {@code evalify local
 * --keep-running} stack, then to {@code http://127.0.0.1:8080}.
 */
public final class ApiOptions {

    /** The API root used when nothing else says otherwise. */
    public static final String DEFAULT_URL = "http://127.0.0.1:8080";

    @Option(
            names = "--api",
            paramLabel = "URL",
            description =
                    "API root URL (default: $EVALIFY_API_URL, the running `evalify local`, or " + DEFAULT_URL + ").")
    String url;

    @Option(
            names = "--api-key",
            paramLabel = "KEY",
            description = "API key sent as header API_KEY (default: $EVALIFY_API_KEY, or the running `evalify local`).")
    String apiKey;

    /** Resolves the target: explicit option, then environment, then the local run pointer, then the default. */
    public ApiTarget resolve(CliContext context) {
        Optional<CurrentRun> local = CurrentRun.readLive(context.localRoot());
        String resolvedUrl = Optional.ofNullable(url)
                .or(() -> context.envValue("EVALIFY_API_URL"))
                .or(() -> local.map(CurrentRun::apiUrl))
                .orElse(DEFAULT_URL);
        String resolvedKey = Optional.ofNullable(apiKey)
                .or(() -> context.envValue("EVALIFY_API_KEY"))
                .or(() -> local.filter(run -> run.apiUrl().equals(resolvedUrl)).map(CurrentRun::apiKey))
                .orElse(null);
        return new ApiTarget(parseUrl(resolvedUrl), resolvedKey);
    }

    private static URI parseUrl(String text) {
        try {
            URI uri = URI.create(text);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the offending value
        }
        throw new UsageException("invalid API URL '" + text + "': expected http(s)://host[:port]");
    }
}
