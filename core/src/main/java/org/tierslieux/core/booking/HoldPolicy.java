package org.tierslieux.core.booking;

import java.time.Duration;
import java.util.Optional;

/**
 * Extension point: whether a new booking must wait (for a payment, typically) before it is confirmed. A bean
 * that answers a duration makes the booking HELD for that long; when no bean asks for a hold, bookings are
 * confirmed at once. Billing plugs its "pay before the slot is yours" rule here.
 */
public interface HoldPolicy {

    Optional<Duration> holdFor(BookingAttempt attempt);
}
