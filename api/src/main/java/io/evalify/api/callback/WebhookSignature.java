package io.evalify.api.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature of a callback: {@code v1,} and the base64 HMAC-SHA256 of
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, once per secret, space-separated (the current secret first, then
 * any retiring ones, so receivers keep verifying while a secret is rotated). Signing the id and the timestamp with
 * the body is what lets a receiver refuse a replayed delivery: an old timestamp fails its tolerance check, and a
 * new one fails the signature.
 */
final class WebhookSignature {

    /** The delivery's id: the same on every attempt of one event, so receivers can drop duplicates. */
    static final String ID = "webhook-id";

    /** The attempt's time in Unix seconds. */
    static final String TIMESTAMP = "webhook-timestamp";

    /** The signatures. */
    static final String SIGNATURE = "webhook-signature";

    private WebhookSignature() {}

    /** The {@code webhook-signature} value for one attempt. */
    static String sign(List<WebhookSecret> secrets, String id, long timestamp, byte[] body) {
        return secrets.stream().map(s -> "v1," + hmac(s, id, timestamp, body)).collect(Collectors.joining(" "));
    }

    private static String hmac(WebhookSecret secret, String id, long timestamp, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
