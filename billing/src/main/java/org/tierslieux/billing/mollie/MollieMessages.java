package org.tierslieux.billing.mollie;

import jakarta.enterprise.context.ApplicationScoped;
import org.tierslieux.core.i18n.MessageSource;

/** The texts of the Mollie account and of the payment provider's errors: {@code i18n/mollie_fr}, {@code _en}. */
@ApplicationScoped
class MollieMessages implements MessageSource {
    @Override
    public String baseName() {
        return "i18n/mollie";
    }
}
