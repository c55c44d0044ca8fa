package org.tierslieux.billing.export;

import jakarta.enterprise.context.ApplicationScoped;
import org.tierslieux.core.i18n.MessageSource;

/** The texts of exports and account mapping ({@code i18n/export_fr}, {@code i18n/export_en}). */
@ApplicationScoped
class ExportMessages implements MessageSource {
    @Override
    public String baseName() {
        return "i18n/export";
    }
}
