package org.tierslieux.coworking.network;

import jakarta.enterprise.context.ApplicationScoped;
import org.tierslieux.core.booking.BookingAttempt;
import org.tierslieux.core.booking.VisitorAccess;

/**
 * Core asks this for people who are not members of the place, on resources kept for members: the network pass
 * lets in holders of an active plan elsewhere on desks and desk pools, within their allowance, or says why not.
 */
@ApplicationScoped
class PassAccess implements VisitorAccess {

    private final NetworkPass pass;

    PassAccess(NetworkPass pass) {
        this.pass = pass;
    }

    @Override
    public boolean admits(BookingAttempt attempt) {
        return pass.admit(attempt.person(), attempt.place(), attempt.resource(), attempt.period())
                .isPresent();
    }
}
