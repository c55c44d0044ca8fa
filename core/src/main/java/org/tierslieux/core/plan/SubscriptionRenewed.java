package org.tierslieux.core.plan;

import java.util.UUID;
import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceId;

/**
 * A subscription entered a new period: billing invoices {@code price} (the saved quote {@code quoteId} when the
 * pricing store is deployed). Published once per subscription and period, in the renewal's transaction.
 */
public record SubscriptionRenewed(
        PlaceId place, UUID subscription, PersonId person, UUID plan, TimeRange period, Money price, UUID quoteId)
        implements DomainEvent {}
