package org.tierslieux.billing.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import org.tierslieux.core.i18n.MessageSource;

/** The texts of invoices, credit notes, the chain and closings ({@code i18n/invoice_fr}, {@code i18n/invoice_en}). */
@ApplicationScoped
class InvoiceMessages implements MessageSource {
    @Override
    public String baseName() {
        return "i18n/invoice";
    }
}
