package org.tierslieux.core.booking;

import java.util.Optional;
import org.tierslieux.core.place.PlaceRef;

/**
 * Extension point: where the booking pages send a member whose new booking is HELD (billing: the pay page of its
 * order). With no bean, or when none answers, the member lands on their bookings as for any booking.
 */
public interface HeldBookingPage {

    Optional<String> pathFor(PlaceRef place, BookingId booking);
}
