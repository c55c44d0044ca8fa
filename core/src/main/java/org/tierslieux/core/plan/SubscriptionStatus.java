package org.tierslieux.core.plan;

/** Where a subscription stands. PENDING awaits its first payment; CANCELLED and ENDED are final. */
public enum SubscriptionStatus {
    PENDING,
    ACTIVE,
    /** A payment failed: the member keeps their credits until a manager suspends the subscription. */
    PAST_DUE,
    /** Paused by a manager: no renewal, no new credits, until resumed. */
    SUSPENDED,
    /** Stopped before its period's end (a manager's decision). */
    CANCELLED,
    /** Ran to the end of its last period (cancelled at period end). */
    ENDED;

    /** Still the member's subscription: counts for "already subscribed". */
    public boolean live() {
        return this == PENDING || this == ACTIVE || this == PAST_DUE || this == SUSPENDED;
    }
}
