package org.tierslieux.core.resource;

/**
 * Extension point: a kind of bookable resource. Declare an {@code @ApplicationScoped} bean to add one; its
 * code is stored with each resource and shown in the API ({@code MACHINE}, {@code DESK_POOL}, ...). Labels
 * come from the message bundles under {@code resource.kind.<CODE>}.
 */
public interface ResourceKind {

    /** Upper-case, stable: stored in the database and published in the API. */
    String code();

    BookingMode bookingMode();

    /** The capacity a new resource of this kind gets when none is given. */
    default int defaultCapacity() {
        return 1;
    }

    /** Whether a manager may set a capacity above one (a room holds people even if it is booked whole). */
    default boolean capacityMatters() {
        return bookingMode() == BookingMode.SEATS;
    }

    /** How its bookings are placed in time: on a grid within opening hours, or in dated sessions. */
    default Scheduling scheduling() {
        return Scheduling.SLOTS;
    }

    /** The booking grid a new resource of this kind gets (a laser cutter: 30 min; a desk: half a day). */
    default int defaultSlotMinutes() {
        return 60;
    }
}
