package org.tierslieux.coworking.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import org.tierslieux.core.i18n.MessageSource;

/** The texts of check-in, passes and guests (refusals, pages), in French and English. */
@ApplicationScoped
class CheckinMessages implements MessageSource {
    @Override
    public String baseName() {
        return "i18n/checkin";
    }
}
