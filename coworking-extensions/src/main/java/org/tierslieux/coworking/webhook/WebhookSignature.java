package org.tierslieux.coworking.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery: {@code v1=} followed by the lowercase hex HMAC-SHA256, keyed by the subscription's
 * secret (its UTF-8 bytes, {@code whsec_} prefix included), of {@code <Webhook-Id>.<Webhook-Timestamp>.<body>}
 * (the timestamp in Unix seconds, the body as sent, byte for byte). A receiver recomputes it, compares in
 * constant time, and refuses timestamps too far from its own clock (5 minutes is usual) to stop replays.
 */
public final class WebhookSignature {

    private WebhookSignature() {}

    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No HMAC-SHA256", e);
        }
    }
}
