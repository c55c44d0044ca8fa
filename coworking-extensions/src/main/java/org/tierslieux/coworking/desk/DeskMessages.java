package org.tierslieux.coworking.desk;

import jakarta.enterprise.context.ApplicationScoped;
import org.tierslieux.core.i18n.MessageSource;

/** The desks' and rooms' messages (errors and pages), fr and en. */
@ApplicationScoped
class DeskMessages implements MessageSource {
    @Override
    public String baseName() {
        return "i18n/desks";
    }
}
