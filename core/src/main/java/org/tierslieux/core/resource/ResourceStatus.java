package org.tierslieux.core.resource;

public enum ResourceStatus {
    ACTIVE,
    /** No longer bookable nor listed for members; kept for the history of bookings and invoices. */
    ARCHIVED
}
