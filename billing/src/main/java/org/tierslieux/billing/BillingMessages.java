package org.tierslieux.billing;

import jakarta.enterprise.context.ApplicationScoped;
import org.tierslieux.core.i18n.MessageSource;

/** The billing module's shared texts (navigation, common words): {@code i18n/billing_fr}, {@code i18n/billing_en}. */
@ApplicationScoped
class BillingMessages implements MessageSource {
    @Override
    public String baseName() {
        return "i18n/billing";
    }
}
