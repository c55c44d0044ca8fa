package org.tierslieux.coworking.observatory;

import jakarta.enterprise.context.ApplicationScoped;
import org.tierslieux.core.i18n.MessageSource;

/** The observatory's words, in French and English. */
@ApplicationScoped
class ObservatoryMessages implements MessageSource {
    @Override
    public String baseName() {
        return "i18n/observatory";
    }
}
