package org.tierslieux.core.pricing;

import java.math.BigDecimal;
import java.util.Objects;
import org.tierslieux.core.kernel.Money;

/**
 * One line of a quote, as it will be invoiced: totals are already rounded (once, by {@link QuoteBuilder}) and
 * {@code totalExclVat + totalVat == totalInclVat} always holds. A line paid by credits names its lot in
 * {@code coverage} and costs 0; {@code coverage} is null for a charged line.
 */
public record QuoteLine(
        String description,
        BigDecimal quantity,
        Unit unit,
        Money unitPriceExclVat,
        VatRate vat,
        Money totalExclVat,
        Money totalVat,
        Money totalInclVat,
        Coverage coverage) {

    public QuoteLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(unitPriceExclVat, "unitPriceExclVat");
        Objects.requireNonNull(vat, "vat");
        Objects.requireNonNull(totalExclVat, "totalExclVat");
        Objects.requireNonNull(totalVat, "totalVat");
        Objects.requireNonNull(totalInclVat, "totalInclVat");
        if (!totalExclVat.plus(totalVat).equals(totalInclVat)) {
            throw new IllegalArgumentException(
                    "A line's totals must add up: " + totalExclVat + " + " + totalVat + " != " + totalInclVat);
        }
    }

    public boolean covered() {
        return coverage != null;
    }
}
