package org.tierslieux.core.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import org.tierslieux.core.pricing.Scope;
import org.tierslieux.core.pricing.Unit;

/** A lot of credits as it stands: what was granted, what is left (the sum of its entries), when it is valid. */
@io.quarkus.qute.TemplateData
public record Lot(
        UUID lotId,
        CreditSource source,
        UUID sourceId,
        String label,
        Scope scope,
        Unit unit,
        BigDecimal granted,
        BigDecimal left,
        Instant validFrom,
        Instant expiresAt) {

    /**
     * The documented order of consumption: plan credits first, then packs and manual grants, each by earliest
     * expiry (what would be lost first is used first), then the oldest grant.
     */
    public static final Comparator<Lot> SPENDING_ORDER = Comparator.comparing((Lot l) -> l.source != CreditSource.PLAN)
            .thenComparing(Lot::expiresAt)
            .thenComparing(Lot::validFrom)
            .thenComparing(Lot::lotId);

    public boolean usableAt(Instant at) {
        return left.signum() > 0 && !at.isBefore(validFrom) && at.isBefore(expiresAt);
    }

    public Lot withLeft(BigDecimal newLeft) {
        return new Lot(lotId, source, sourceId, label, scope, unit, granted, newLeft, validFrom, expiresAt);
    }
}
