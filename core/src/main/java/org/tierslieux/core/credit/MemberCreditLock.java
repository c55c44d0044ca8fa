package org.tierslieux.core.credit;

import jakarta.enterprise.context.ApplicationScoped;
import org.tierslieux.core.booking.BookingAttempt;
import org.tierslieux.core.booking.BookingPolicy;

/**
 * Takes the member's ledger lock at the start of every booking, before the resource's row lock. The credits
 * are consumed at the end of the booking's transaction; without this, a member booking one resource twice at
 * once (resource lock, then member lock) could deadlock with booking limits (member lock, then resource lock).
 * One order for every booking: member, then resource.
 */
@ApplicationScoped
class MemberCreditLock implements BookingPolicy {

    private final CreditLedger ledger;

    MemberCreditLock(CreditLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void check(BookingAttempt attempt) {
        ledger.lock(attempt.person());
    }
}
