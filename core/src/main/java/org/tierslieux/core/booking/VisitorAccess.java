package org.tierslieux.core.booking;

/**
 * Extension point: lets a person who is not a member of the place book a resource kept for members (a
 * network pass holder from another place, typically). Declare an {@code @ApplicationScoped} bean. Asked only
 * for non-members on resources whose audience is {@code MEMBERS}; the first bean that admits the attempt lets
 * it through (the other rules and policies still apply). A bean may refuse with its own
 * {@link org.tierslieux.core.error.DomainException} (an exhausted allowance) instead of answering false, so
 * that the visitor learns why.
 */
public interface VisitorAccess {

    boolean admits(BookingAttempt attempt);
}
