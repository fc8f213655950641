package io.evalify.api.dashboard;

import io.evalify.api.auth.SignedInSession;
import io.evalify.api.config.ApiProperties;
import io.evalify.core.job.JobKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Dashboard sessions, held in Redis so any API instance serves them and a sign-out ends them everywhere. The
 * cookie carries 256 random bits; Redis keeps only their SHA-256, the name of the key used to sign in, the CSRF
 * token and the sign-in time. A session ends after {@code session-idle-timeout} without a request (the key's TTL,
 * renewed on use) or {@code session-max-age} after sign-in.
 */
@Component
class DashboardSessions {

    private static final int TOKEN_BYTES = 32;

    private final StringRedisTemplate redis;
    private final ApiProperties.Dashboard settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    DashboardSessions(StringRedisTemplate redis, ApiProperties properties, Clock clock) {
        this.redis = redis;
        this.settings = properties.dashboard();
        this.clock = clock;
    }

    /**
     * A new session.
     *
     * @param cookieValue the secret the browser sends back
     * @param session what the session grants
     */
    record Opened(String cookieValue, SignedInSession session) {}

    /** Opens a session for a caller who proved they hold the key named {@code keyName}. */
    Opened open(String keyName) {
        var cookieValue = randomToken();
        var session = new SignedInSession(keyName, randomToken());
        var key = JobKeys.dashboardSession(digest(cookieValue));
        redis.opsForHash()
                .putAll(
                        key,
                        Map.of(
                                "key_name", keyName,
                                "csrf", session.csrfToken(),
                                "created_at", String.valueOf(clock.millis())));
        redis.expire(key, settings.sessionIdleTimeout());
        return new Opened(cookieValue, session);
    }

    /** The live session a cookie names, renewing its idle timeout; empty when unknown, idle too long or too old. */
    Optional<SignedInSession> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        var key = JobKeys.dashboardSession(digest(cookieValue));
        Map<String, String> fields = redis.<String, String>opsForHash().entries(key);
        if (fields.isEmpty() || tooOld(fields.get("created_at"))) {
            return Optional.empty();
        }
        redis.expire(key, settings.sessionIdleTimeout());
        return Optional.of(new SignedInSession(fields.get("key_name"), fields.get("csrf")));
    }

    /** Ends the session a cookie names, if any. */
    void close(String cookieValue) {
        if (cookieValue != null && !cookieValue.isBlank()) {
            redis.delete(JobKeys.dashboardSession(digest(cookieValue)));
        }
    }

    /** How long the browser should keep the cookie. */
    Duration maxAge() {
        return settings.sessionMaxAge();
    }

    private boolean tooOld(String createdAt) {
        return createdAt == null
                || clock.millis() - Long.parseLong(createdAt)
                        > settings.sessionMaxAge().toMillis();
    }

    private String randomToken() {
        var bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String digest(String value) {
        try {
            var hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
