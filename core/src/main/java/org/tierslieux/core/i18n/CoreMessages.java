package org.tierslieux.core.i18n;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class CoreMessages implements MessageSource {
    @Override
    public String baseName() {
        return "i18n/core";
    }
}
