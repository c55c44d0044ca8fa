package org.tierslieux.coworking.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.billing.mollie.KeyCipher;
import org.tierslieux.core.error.DomainException;

/**
 * Seals and opens the webhooks' signing secrets with the application's secrets key ({@link KeyCipher}, shared with
 * the Mollie keys), but speaks of webhooks when it fails: without the key, 503 {@code webhook.encryption-key-missing}
 * (not a Mollie message a webhook manager would not understand); a secret sealed under a key that is gone, 503
 * {@code webhook.secret-unreadable} (a new secret mends it).
 */
@ApplicationScoped
class WebhookSecrets {

    private final KeyCipher cipher;

    WebhookSecrets(KeyCipher cipher) {
        this.cipher = cipher;
    }

    KeyCipher.Sealed seal(UUID place, String secret) {
        try {
            return cipher.seal(place, secret);
        } catch (DomainException e) {
            throw ofWebhooks(e);
        }
    }

    String open(UUID place, KeyCipher.Sealed sealed) {
        try {
            return cipher.open(place, sealed);
        } catch (DomainException e) {
            throw ofWebhooks(e);
        }
    }

    /** The cipher's refusal, told in webhook words. */
    static DomainException ofWebhooks(DomainException refused) {
        return switch (refused.code()) {
            case "mollie.encryption-key-missing" ->
                new DomainException(503, "webhook.encryption-key-missing", refused.arguments());
            case "mollie.key-unreadable" -> new DomainException(503, "webhook.secret-unreadable", Map.of());
            default -> refused;
        };
    }
}
