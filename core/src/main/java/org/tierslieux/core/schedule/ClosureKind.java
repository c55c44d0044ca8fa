package org.tierslieux.core.schedule;

/** Why a place or a resource cannot be booked for a while. */
public enum ClosureKind {
    /** Holidays, a private event: the place or one resource is closed. */
    CLOSURE,
    /** A machine (or any resource) is being serviced. */
    MAINTENANCE
}
