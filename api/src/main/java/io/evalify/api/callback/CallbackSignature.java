package io.evalify.api.callback;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Evalify-Signature} header of a callback: {@code sha256=} and the hex HMAC-SHA256 of the exact body
 * bytes, keyed with {@code evalify.api.callback-secret} (the scheme GitHub webhooks use). A receiver recomputes it
 * over the raw body and compares in constant time.
 */
final class CallbackSignature {

    static final String HEADER = "X-Evalify-Signature";

    private CallbackSignature() {}

    static String sign(String secret, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
