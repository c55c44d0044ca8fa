package org.tierslieux.core.resource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The kinds every tiers-lieu has. Coworking and others add theirs as beans of their own. */
@ApplicationScoped
class CoreResourceKinds {

    record Kind(
            String code,
            BookingMode bookingMode,
            int defaultCapacity,
            boolean capacityMatters,
            Scheduling scheduling,
            int defaultSlotMinutes)
            implements ResourceKind {}

    @Produces
    @ApplicationScoped
    ResourceKind machine() {
        return new Kind("MACHINE", BookingMode.EXCLUSIVE, 1, false, Scheduling.SLOTS, 30);
    }

    @Produces
    @ApplicationScoped
    ResourceKind room() {
        return new Kind("ROOM", BookingMode.EXCLUSIVE, 8, true, Scheduling.SLOTS, 60);
    }

    @Produces
    @ApplicationScoped
    ResourceKind desk() {
        return new Kind("DESK", BookingMode.EXCLUSIVE, 1, false, Scheduling.SLOTS, 240);
    }

    @Produces
    @ApplicationScoped
    ResourceKind deskPool() {
        return new Kind("DESK_POOL", BookingMode.SEATS, 10, true, Scheduling.SLOTS, 240);
    }

    @Produces
    @ApplicationScoped
    ResourceKind space() {
        return new Kind("SPACE", BookingMode.EXCLUSIVE, 30, true, Scheduling.SLOTS, 60);
    }

    @Produces
    @ApplicationScoped
    ResourceKind training() {
        return new Kind("TRAINING", BookingMode.SEATS, 8, true, Scheduling.SESSIONS, 60);
    }

    @Produces
    @ApplicationScoped
    ResourceKind event() {
        return new Kind("EVENT", BookingMode.SEATS, 30, true, Scheduling.SESSIONS, 60);
    }
}
