package org.tierslieux.core.credit;

import java.util.UUID;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.pricing.Quote;

/**
 * Extension point: whether a purchase (a subscription, a pack) must be paid before it takes effect. With no
 * bean, or when every bean answers false, a purchase is confirmed at once and its saved quote is what billing
 * will charge. Billing plugs "pay first" here: the subscription stays PENDING (the pack purchase too) and grants
 * nothing until billing calls {@code SubscriptionService.activatePaid} or {@link PackService#confirmPaid}.
 */
public interface PurchasePolicy {

    /** What is being bought: {@code SUBSCRIPTION} or {@code PACK}, its id, who buys, the quote shown. */
    record Purchase(PlaceRef place, PersonId person, String type, UUID id, Quote quote) {}

    boolean payFirst(Purchase purchase);
}
