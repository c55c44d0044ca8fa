package org.tierslieux.core.credit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.pricing.CreditCoverage;
import org.tierslieux.core.pricing.Unit;
import org.tierslieux.core.pricing.Usage;
import org.tierslieux.core.pricing.UsageMeter;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * What the member's credits would pay of an intended booking, and what would be left to pay, in every unit:
 * the credit side of the booking's quote, readable without the price list.
 */
@ApplicationScoped
public class CreditPreview {

    public record Preview(
            Usage usage, List<CreditCoverage.Covered> covered, BigDecimal coveredFraction, Usage remaining) {}

    private final CreditCoverageService coverage;
    private final ResourceService resources;
    private final PlaceContext placeContext;

    CreditPreview(CreditCoverageService coverage, ResourceService resources, PlaceContext placeContext) {
        this.coverage = coverage;
        this.resources = resources;
        this.placeContext = placeContext;
    }

    @Transactional
    public Preview of(PersonId person, ResourceId resourceId, TimeRange period, int seats) {
        Resource resource = resources.find(resourceId);
        Usage usage = UsageMeter.of(
                resource, period, Math.max(1, seats), placeContext.require().zone());
        List<CreditCoverage.Covered> covered = coverage.cover(person, resource, usage, period.start());
        EnumMap<Unit, BigDecimal> left = new EnumMap<>(Unit.class);
        for (Unit unit : usage.quantities().keySet()) {
            left.put(unit, Allocation.remaining(covered, usage, unit));
        }
        return new Preview(usage, covered, Allocation.coveredFraction(covered, usage), new Usage(left));
    }
}
