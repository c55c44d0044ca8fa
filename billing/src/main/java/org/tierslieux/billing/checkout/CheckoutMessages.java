package org.tierslieux.billing.checkout;

import jakarta.enterprise.context.ApplicationScoped;
import org.tierslieux.core.i18n.MessageSource;

/** The checkout's texts and error messages: {@code i18n/checkout_fr}, {@code i18n/checkout_en}. */
@ApplicationScoped
class CheckoutMessages implements MessageSource {
    @Override
    public String baseName() {
        return "i18n/checkout";
    }
}
