package org.tierslieux.core.resource;

/** How bookings of a resource are placed in time. */
public enum Scheduling {
    /** Any run of slots of the resource's grid inside its opening hours (machines, rooms, desks). */
    SLOTS,
    /** Exactly one of the dated sessions a manager schedules (trainings, workshops, open days). */
    SESSIONS
}
