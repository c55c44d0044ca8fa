package org.tierslieux.billing.checkout;

/** PENDING → PAID (→ PARTIALLY_REFUNDED → REFUNDED), or PENDING → CANCELLED / EXPIRED. */
public enum OrderStatus {
    PENDING,
    PAID,
    CANCELLED,
    EXPIRED,
    REFUNDED,
    PARTIALLY_REFUNDED;

    /** Whether money was received for it (refunded or not). */
    public boolean paid() {
        return this == PAID || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
}
