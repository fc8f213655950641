package io.evalify.localstack;

import io.evalify.cli.api.ApiClient;
import io.evalify.localstack.LocalStack.Readiness;
import io.evalify.schemas.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;

/** Readiness checks of the local children. Each returns false (never throws) while not ready. */
public final class Probes {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private Probes() {}

    /** Redis answers {@code PING} with {@code +PONG}. */
    public static Readiness redisPing(int port) {
        return () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
                socket.setSoTimeout((int) TIMEOUT.toMillis());
                OutputStream out = socket.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                return new String(in.readNBytes(5), StandardCharsets.US_ASCII).equals("+PONG");
            } catch (IOException e) {
                return false;
            }
        };
    }

    /** {@code GET url} answers 200; the API key is sent too, in case the health route is behind it. */
    public static Readiness http200(URI url, String apiKey) {
        return httpBody(url, body -> true, ApiClient.API_KEY_HEADER, apiKey);
    }

    /** {@code GET url} answers 200 with {@code {"status":"UP"}} (Spring Boot actuator health). */
    public static Readiness actuatorUp(URI url) {
        return httpBody(url, Probes::isUp);
    }

    static boolean isUp(String body) {
        try {
            return "UP".equals(Json.mapper().readTree(body).path("status").asString(""));
        } catch (JacksonException e) {
            return false;
        }
    }

    private static Readiness httpBody(URI url, Predicate<String> accept, String... headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(url).timeout(TIMEOUT).GET();
        HttpRequest request = (headers.length == 0 ? builder : builder.headers(headers)).build();
        return () -> {
            try {
                var response = HTTP.send(request, BodyHandlers.ofString());
                return response.statusCode() == 200 && accept.test(response.body());
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }
}
