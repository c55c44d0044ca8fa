/**
 * Plans and subscriptions: recurring memberships on calendar periods of the place (month, quarter, year) that
 * grant credits each period and set the member's prices. A {@link org.tierslieux.core.plan.Subscription} changes
 * state only through named, guarded transitions; {@link org.tierslieux.core.plan.Proration} prices and credits
 * a partial period; the {@link org.tierslieux.core.plan.SubscriptionRenewal} job renews due subscriptions once
 * and only once per period, on one node, and publishes {@link org.tierslieux.core.plan.SubscriptionRenewed}.
 */
package org.tierslieux.core.plan;
