package org.tierslieux.core.booking;

/** Who may book a resource. */
public enum Audience {
    /** Anyone with a role in the place (the default). */
    MEMBERS,
    /** Any signed-in person, member of the place or not (open workshops, open days). */
    EVERYONE,
    /** Managers only (a machine kept for staff). */
    STAFF
}
