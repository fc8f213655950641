package io.evalify.api.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signatures against the specification's published example and a receiver written from the specification. */
class WebhookSignatureTest {

    // The example that accompanies the Standard Webhooks specification and its libraries' tests.
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330;
    private static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final String OLD_SECRET = "whsec_b2xkLXNlY3JldC1iZWluZy1yZXRpcmVkLXRoaXMtd2Vlaw==";

    @Test
    void shouldProduceTheSpecificationsExampleSignature() {
        var secret = WebhookSecret.parse("p", SPEC_SECRET);
        assertThat(WebhookSignature.sign(List.of(secret), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY))
                .isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void shouldSignWithTheRetiringSecretsTooSoReceiversOfEitherVerify() {
        var header = WebhookSignature.sign(
                List.of(WebhookSecret.parse("p", SPEC_SECRET), WebhookSecret.parse("p", OLD_SECRET)),
                SPEC_ID,
                SPEC_TIMESTAMP,
                SPEC_BODY);
        assertThat(header.split(" ")).hasSize(2).startsWith(SPEC_SIGNATURE);
        var headers = headers(header, SPEC_TIMESTAMP);
        assertThat(receiverAt(SPEC_SECRET, SPEC_TIMESTAMP).verify(headers, SPEC_BODY))
                .isEqualTo("ok");
        assertThat(receiverAt(OLD_SECRET, SPEC_TIMESTAMP).verify(headers, SPEC_BODY))
                .isEqualTo("ok");
    }

    @Test
    void shouldBeRefusedWhenReplayedAfterTheReceiversTolerance() {
        var headers = headers(SPEC_SIGNATURE, SPEC_TIMESTAMP);
        assertThat(receiverAt(SPEC_SECRET, SPEC_TIMESTAMP + 299).verify(headers, SPEC_BODY))
                .isEqualTo("ok");
        assertThat(receiverAt(SPEC_SECRET, SPEC_TIMESTAMP + 301).verify(headers, SPEC_BODY))
                .isEqualTo("timestamp outside tolerance");
    }

    @Test
    void shouldBeRefusedWhenAReplayCarriesAFreshTimestampOrAnotherId() {
        long later = SPEC_TIMESTAMP + 3600;
        var receiver = receiverAt(SPEC_SECRET, later);
        assertThat(receiver.verify(headers(SPEC_SIGNATURE, later), SPEC_BODY)).isEqualTo("no matching signature");
        var otherId = Map.of(
                "webhook-id",
                "msg_other",
                "webhook-timestamp",
                String.valueOf(SPEC_TIMESTAMP),
                "webhook-signature",
                SPEC_SIGNATURE);
        assertThat(receiverAt(SPEC_SECRET, SPEC_TIMESTAMP).verify(otherId, SPEC_BODY))
                .isEqualTo("no matching signature");
    }

    @Test
    void shouldRefuseSecretsNotInTheStandardForm() {
        assertThatThrownBy(() -> WebhookSecret.parse("evalify.api.callback-secret", "full-stack-callback-secret"))
                .hasMessageContaining("evalify.api.callback-secret does not start with whsec_")
                .hasMessageNotContaining("full-stack");
        assertThatThrownBy(() -> WebhookSecret.parse("evalify.api.callback-secret", "whsec_c2hvcnQ="))
                .hasMessageContaining("decodes to 5 bytes");
        assertThatThrownBy(() -> WebhookSecret.parse("evalify.api.callback-secret", "whsec_***"))
                .hasMessageContaining("is not base64");
        assertThat(WebhookSecret.parse("p", SPEC_SECRET)).hasToString("whsec_****");
    }

    private static Map<String, String> headers(String signature, long timestamp) {
        return Map.of(
                "webhook-id", SPEC_ID, "webhook-timestamp", String.valueOf(timestamp), "webhook-signature", signature);
    }

    private static WebhookVerifier receiverAt(String secret, long epochSecond) {
        return new WebhookVerifier(secret, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }
}
