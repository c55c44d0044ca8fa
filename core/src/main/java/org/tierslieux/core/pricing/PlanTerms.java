package org.tierslieux.core.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.tierslieux.core.people.PersonId;

/**
 * Extension point implemented by the plan package: the plan a member is subscribed to at an instant (their
 * active subscription in the current place), which selects plan-specific prices and the discount on extras.
 * No bean: nobody has a plan.
 */
public interface PlanTerms {

    Optional<ActivePlan> activePlan(PersonId person, Instant at);

    /** {@code extrasDiscountPercent} in 0..100 applies to prices that are not specific to the plan. */
    record ActivePlan(UUID planId, String planName, BigDecimal extrasDiscountPercent) {}
}
