package io.evalify.api.compat;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The old evaluator's open endpoints, {@code /api/v1/health} and {@code /api/v1/version} (docs/BACKEND-CONTRACT.md).
 */
@RestController
class HealthController {

    private static final String FALLBACK_VERSION = "0.1.0-dev";

    private final String environment;
    private final String version;

    HealthController(
            @Value("${evalify.environment:production}") String environment,
            org.springframework.beans.factory.ObjectProvider<BuildProperties> build) {
        this.environment = environment;
        var props = build.getIfAvailable();
        this.version = props == null ? FALLBACK_VERSION : props.getVersion();
    }

    @GetMapping("/api/v1/health")
    Map<String, String> health() {
        return Map.of("status", "ok", "environment", environment, "version", version);
    }

    @GetMapping("/api/v1/version")
    Map<String, String> version() {
        var parts = version.replaceAll("[^0-9.].*$", "").split("\\.");
        return Map.of(
                "version", version,
                "major", part(parts, 0),
                "minor", part(parts, 1),
                "patch", part(parts, 2),
                "is_development", String.valueOf(version.contains("dev") || version.contains("SNAPSHOT")),
                "package_name", "evalify-evaluator");
    }

    private static String part(String[] parts, int index) {
        return index < parts.length && !parts[index].isEmpty() ? parts[index] : "0";
    }
}
