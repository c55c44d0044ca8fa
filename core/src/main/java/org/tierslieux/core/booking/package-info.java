/**
 * Bookings (the booking engine lands with its own issue). For now it holds the extension point that other
 * modules use to add their own rules to every booking: {@link org.tierslieux.core.booking.BookingPolicy}.
 */
package org.tierslieux.core.booking;
