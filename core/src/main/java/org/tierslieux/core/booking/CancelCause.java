package org.tierslieux.core.booking;

/** Who or what ended a booking before it happened. */
public enum CancelCause {
    MEMBER,
    MANAGER,
    /** A hold ran out. */
    EXPIRED,
    /** A manager cancelled it because of a maintenance block. */
    MAINTENANCE
}
