package org.tierslieux.core.booking;

public enum WaitlistStatus {
    WAITING,
    /** A held booking was offered; the member may confirm it until the offer expires. */
    OFFERED,
    BOOKED,
    EXPIRED,
    WITHDRAWN
}
