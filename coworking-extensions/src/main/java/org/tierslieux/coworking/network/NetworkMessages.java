package org.tierslieux.coworking.network;

import jakarta.enterprise.context.ApplicationScoped;
import org.tierslieux.core.i18n.MessageSource;

@ApplicationScoped
class NetworkMessages implements MessageSource {
    @Override
    public String baseName() {
        return "i18n/network";
    }
}
