package io.evalify.api.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a receiver does with a callback, written from the Standard Webhooks specification rather than from our
 * sender (docs/SECURITY.md shows the same steps): refuse a timestamp more than {@link #TOLERANCE} away from its own
 * clock, then accept when any {@code v1,} signature matches the HMAC-SHA256 of {@code id.timestamp.body} keyed with
 * the base64 after {@code whsec_}, compared in constant time.
 */
public final class WebhookVerifier {

    /** The receiver's tolerance the docs recommend: five minutes either way. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;
    private final Clock clock;

    /** A receiver holding {@code secret} ({@code whsec_...}) whose clock reads {@code clock}. */
    public WebhookVerifier(String secret, Clock clock) {
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        this.clock = clock;
    }

    /** Why the delivery is refused, or {@code "ok"}; {@code headers} by lower-case name. */
    public String verify(Map<String, String> headers, byte[] body) {
        var id = headers.get("webhook-id");
        var timestamp = headers.get("webhook-timestamp");
        var signatures = headers.get("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return "missing header";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "bad timestamp";
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return "timestamp outside tolerance";
        }
        var expected = hmac(id + "." + timestamp + ".", body);
        for (var signature : signatures.split(" ")) {
            if (signature.startsWith("v1,")
                    && MessageDigest.isEqual(expected, signature.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return "ok";
            }
        }
        return "no matching signature";
    }

    private byte[] hmac(String prefix, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encode(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
