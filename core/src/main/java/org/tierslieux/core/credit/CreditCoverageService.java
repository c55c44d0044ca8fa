package org.tierslieux.core.credit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.pricing.CreditCoverage;
import org.tierslieux.core.pricing.Usage;
import org.tierslieux.core.resource.Resource;

/**
 * The credits that would pay a booking: the member's lots of the current place usable when the booking starts
 * ({@code at}) whose scope covers the resource, in the documented order (plan credits, then packs by earliest
 * expiry). A pure read; {@link BookingCredits} writes the consumption under the member's lock.
 */
@ApplicationScoped
class CreditCoverageService implements CreditCoverage {

    private final CreditLedger ledger;

    CreditCoverageService(CreditLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    @Transactional
    public List<Covered> cover(PersonId person, Resource resource, Usage usage, Instant at) {
        List<Lot> lots = ledger.usableAt(person, at).stream()
                .filter(l -> l.scope().covers(resource))
                .toList();
        return Allocation.allocate(lots, usage);
    }
}
