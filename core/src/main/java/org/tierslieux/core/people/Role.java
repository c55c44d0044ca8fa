package org.tierslieux.core.people;

/** What a person may do in one place. NETWORK_ADMIN is not a place role: it is a flag on the person. */
public enum Role {
    /** Books, sees their own bookings and invoices. */
    MEMBER,
    /** Runs the place: resources, hours, plans, members, everyone's bookings. */
    MANAGER,
    /** Keeps the books: invoices, credit notes, payments, exports, closings. */
    TREASURER
}
