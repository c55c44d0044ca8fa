package org.tierslieux.core.booking;

/** Where a booking is in its life. Only HELD and CONFIRMED bookings take the slot. */
public enum BookingStatus {
    /** Taken while awaiting payment or the member's answer to a waitlist offer; frees itself at its expiry. */
    HELD,
    CONFIRMED,
    CANCELLED,
    /** The member did not come (marked by a manager after the start). */
    NO_SHOW,
    /** A hold that ran out: the slot was given back. */
    EXPIRED;

    public boolean takesTheSlot() {
        return this == HELD || this == CONFIRMED;
    }
}
