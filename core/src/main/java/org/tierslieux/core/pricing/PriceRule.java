package org.tierslieux.core.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * A price as resolution sees it, among those that can apply to one member and one resource (their scope,
 * group and plan already match). The most specific wins: a resource's price over its kind's, then a
 * plan's price over a group's over one for anybody.
 */
record PriceRule(
        UUID id,
        boolean forResource,
        Unit unit,
        boolean forGroup,
        boolean forPlan,
        BigDecimal amount,
        VatRate vat,
        LocalDate validFrom,
        LocalDate validUntil) {

    private static final Comparator<PriceRule> MOST_SPECIFIC_FIRST =
            Comparator.comparingInt(PriceRule::specificity).reversed();

    int specificity() {
        return (forResource ? 4 : 0) + (forPlan ? 2 : 0) + (forGroup ? 1 : 0);
    }

    boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }

    /** The price of a unit on a day, from the rules that match the member and the resource. */
    static Optional<PriceRule> resolve(Collection<PriceRule> rules, Unit unit, LocalDate day) {
        return rules.stream()
                .filter(r -> r.unit == unit && r.validOn(day))
                .sorted(MOST_SPECIFIC_FIRST)
                .findFirst();
    }
}
