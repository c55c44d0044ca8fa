package org.tierslieux.core.plan;

import jakarta.enterprise.context.ApplicationScoped;
import org.tierslieux.core.i18n.MessageSource;

/** The texts of plans, subscriptions, packs and credits ({@code i18n/plans_fr}, {@code i18n/plans_en}). */
@ApplicationScoped
class PlanMessages implements MessageSource {
    @Override
    public String baseName() {
        return "i18n/plans";
    }
}
