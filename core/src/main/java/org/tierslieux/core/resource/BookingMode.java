package org.tierslieux.core.resource;

/** How a resource is held by bookings. */
public enum BookingMode {
    /** One booking at a time holds the whole resource (a machine, a room, a desk). */
    EXCLUSIVE,
    /** Bookings hold seats, up to the capacity at any instant (a desk pool, a training, an event). */
    SEATS
}
