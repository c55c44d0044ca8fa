package org.tierslieux.core.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.resource.Resource;

/**
 * Extension point implemented by the credit package: which credit lots cover the usage of a booking, in the
 * documented order (plan credits, then packs by earliest expiry; what is left is paid). A pure read: the
 * consumption itself is written by the credit package under the member's lock. No bean: nothing is covered.
 */
public interface CreditCoverage {

    List<Covered> cover(PersonId person, Resource resource, Usage usage, Instant at);

    /** A quantity of the usage, in one unit, paid by one lot. */
    record Covered(UUID lotId, String source, String label, Unit unit, BigDecimal quantity) {}
}
