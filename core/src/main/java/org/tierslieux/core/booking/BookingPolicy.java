package org.tierslieux.core.booking;

/**
 * Extension point: a rule every booking must pass (opening hours, trainings, a guest's host, the network
 * pass...). Declare an {@code @ApplicationScoped} bean; refuse by throwing a
 * {@link org.tierslieux.core.error.DomainException} with the rule's own code. Policies run in the booking's
 * transaction, after the caller's role was checked and before the database takes the booking.
 */
public interface BookingPolicy {

    /** Whether this policy has anything to say about the attempt (its kind of resource, its place...). */
    default boolean appliesTo(BookingAttempt attempt) {
        return true;
    }

    void check(BookingAttempt attempt);
}
