package org.tierslieux.coworking.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import org.tierslieux.core.i18n.MessageSource;

@ApplicationScoped
class WebhookMessages implements MessageSource {
    @Override
    public String baseName() {
        return "i18n/webhooks";
    }
}
