package org.tierslieux.core.plan;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.pricing.PlanTerms;

/** Tells pricing which plan sets a member's prices: their active (or past due) subscription here. */
@ApplicationScoped
class PlanTermsProvider implements PlanTerms {

    private final SubscriptionService subscriptions;
    private final PlanService plans;

    PlanTermsProvider(SubscriptionService subscriptions, PlanService plans) {
        this.subscriptions = subscriptions;
        this.plans = plans;
    }

    @Override
    public Optional<ActivePlan> activePlan(PersonId person, Instant at) {
        return subscriptions.activeAt(person, at).map(s -> {
            Plan plan = plans.find(s.planId());
            return new ActivePlan(plan.id(), plan.name(), plan.extrasDiscountPercent());
        });
    }
}
