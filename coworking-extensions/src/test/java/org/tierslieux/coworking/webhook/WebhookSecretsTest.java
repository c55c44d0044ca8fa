package org.tierslieux.coworking.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.error.DomainException;

/** A missing or changed secrets key is told in webhook words, in both languages, not with the Mollie codes. */
class WebhookSecretsTest {

    @Test
    void a_missing_encryption_key_is_a_webhook_problem_not_a_mollie_one() {
        DomainException told = WebhookSecrets.ofWebhooks(
                new DomainException(503, "mollie.encryption-key-missing", Map.of("version", 2)));
        assertEquals("webhook.encryption-key-missing", told.code());
        assertEquals(503, told.status());
        assertEquals(2, told.arguments().get("version"));
    }

    @Test
    void a_secret_sealed_under_another_key_is_a_webhook_secret_to_replace() {
        DomainException told = WebhookSecrets.ofWebhooks(new DomainException(503, "mollie.key-unreadable", Map.of()));
        assertEquals("webhook.secret-unreadable", told.code());
        assertEquals(503, told.status());
    }

    @Test
    void any_other_refusal_passes_unchanged() {
        DomainException other = new DomainException(422, "something.else", Map.of());
        assertSame(other, WebhookSecrets.ofWebhooks(other));
    }

    @Test
    void both_codes_have_a_title_and_a_message_in_french_and_english() {
        for (Locale locale : new Locale[] {Locale.FRENCH, Locale.ENGLISH}) {
            ResourceBundle bundle = ResourceBundle.getBundle(
                    "i18n/webhooks",
                    locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String code : new String[] {"webhook.encryption-key-missing", "webhook.secret-unreadable"}) {
                assertTrue(bundle.containsKey(code), code + " in " + locale);
                assertTrue(bundle.containsKey(code + ".title"), code + ".title in " + locale);
                assertTrue(!bundle.getString(code).contains("Mollie"), code + " speaks of webhooks");
            }
        }
    }
}
