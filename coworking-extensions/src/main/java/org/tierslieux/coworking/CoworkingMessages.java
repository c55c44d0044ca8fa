package org.tierslieux.coworking;

import jakarta.enterprise.context.ApplicationScoped;
import org.tierslieux.core.i18n.MessageSource;

@ApplicationScoped
class CoworkingMessages implements MessageSource {
    @Override
    public String baseName() {
        return "i18n/coworking";
    }
}
